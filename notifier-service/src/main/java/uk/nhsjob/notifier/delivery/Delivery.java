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
 * @param id {@code alertId/item}: unique, so a match is recorded once, however often it
 * arrives
 * @param item the vacancy id, or {@link DeliveryLedger#WELCOME} for the alert's welcome
 * email itself
 * @param email which of the alert's emails carries this entry ({@code welcome}, or
 * {@code email/<round>} for the sending round that first claimed it); null until then.
 * The Message-ID derives from {@link #emailKey()}, so a resend of the same email carries
 * the same Message-ID
 * @param claim the sending round that last took the entry (SENDING), so a round knows
 * which of the entries it asked for are its own
 * @param vacancy what the email says about the vacancy (null for the welcome entry)
 * @param welcomeTotal the welcome entry's count of matching vacancies, less those that
 * reach the alert in other emails
 * @param dueAt when the entry's email is due (end of the coalescing window, the next
 * digest, or at once for a welcome)
 * @param attempts failed attempts so far
 * @param nextAttemptAt when a FAILED entry is tried again
 * @param reason why it was skipped, suppressed or failed
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}")
@CompoundIndex(name = "stuck", def = "{'state': 1, 'updatedAt': 1}")
@CompoundIndex(name = "retry", def = "{'state': 1, 'nextAttemptAt': 1}")
record Delivery(@Id String id, @Indexed String alertId, String item, @Nullable String email, @Nullable String claim,
		DeliveryState state, @Nullable MatchedVacancy vacancy, @Nullable Integer welcomeTotal, @Nullable Instant dueAt,
		int attempts, @Nullable Instant nextAttemptAt, @Nullable String reason, Instant recordedAt, Instant updatedAt) {

	/** The key of the email that carries this entry, once it has one. */
	String emailKey() {
		return this.alertId + "/" + this.email;
	}

	boolean isWelcome() {
		return DeliveryLedger.WELCOME.equals(this.item);
	}

}
