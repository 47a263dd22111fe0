package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One ledger entry: a vacancy (or the welcome email itself) and one alert.
 *
 * @param id {@code alertId/item}, the key the email's Message-ID is derived from
 * @param item the vacancy id, or {@link DeliveryLedger#WELCOME} for an alert's welcome
 * email
 * @param emailKey the id of the entry whose email carries this one (its own id, or the
 * welcome's)
 * @param reason why it was skipped
 */
@Document("deliveries")
record Delivery(@Id String id, @Indexed String alertId, String item, String emailKey, DeliveryState state,
		@Nullable String reason, Instant recordedAt, Instant updatedAt) {

}
