package uk.nhsjob.matcher.alert;

/**
 * An alert became active and its profile is published: its welcome set is due. Published
 * inside this service only.
 */
public record AlertConfirmed(String alertId) {
}
