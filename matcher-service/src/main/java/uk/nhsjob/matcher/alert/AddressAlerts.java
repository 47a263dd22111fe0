package uk.nhsjob.matcher.alert;

import java.util.List;

/** Every alert of one address, for its "my alerts" page; never empty. */
public record AddressAlerts(String email, List<Alert> alerts) {
}
