package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.match.MatchedVacancy;

/**
 * One ledger entry: a vacancy (or the welcome email itself) and one alert.
 *
 * @param id {@code alertId/item}: unique, so a match is recorded once however often it
 * arrives
 * @param item the vacancy id, or {@link DeliveryLedger#WELCOME} for an alert's welcome
 * email
 * @param emailKey the key of the email that carries this entry, from which its Message-ID
 * derives: set when the entry is claimed for an email, so a resend of the same email
 * carries the same Message-ID
 * @param vacancy what the email says about the vacancy (null for welcome entries, which
 * are sent from the record itself)
 * @param dueAt when the entry's email is due (end of the coalescing window, or the next
 * digest)
 * @param attempts failed attempts so far
 * @param nextAttemptAt when a FAILED entry is tried again
 * @param reason why it was skipped, suppressed or failed
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}")
@CompoundIndex(name = "email", def = "{'emailKey': 1}")
record Delivery(@Id String id, @Indexed String alertId, String item, String emailKey, DeliveryState state,
		@Nullable MatchedVacancy vacancy, @Nullable Instant dueAt, int attempts, @Nullable Instant nextAttemptAt,
		@Nullable String reason, Instant recordedAt, Instant updatedAt) {

}
