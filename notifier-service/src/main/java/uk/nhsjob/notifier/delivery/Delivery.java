package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.match.MatchedVacancy;

/**
 * One ledger entry: a vacancy (or the welcome email itself) and one alert; or an email
 * that is whole in one entry ({@link OneOffEmail}): an alert's confirmation request, or a
 * notice about an address, which belongs to no alert.
 *
 * @param id {@code alertId/item}, or {@code notice/<eventId>} for a notice: unique, so a
 * match, a confirmation request or a notice is recorded once, however often it arrives
 * @param alertId the alert the entry is for; null for a notice
 * @param item the vacancy id, {@link DeliveryLedger#WELCOME} for the alert's welcome
 * email itself, {@code confirmation/<n>} for its n-th confirmation request, or
 * {@code notice} for a notice
 * @param email which of the alert's emails carries this entry ({@code welcome},
 * {@code confirmation/<n>}, {@code notice/<eventId>}, {@code inbox/<round>/<lead alert>}
 * for the email of an address's alerts that the sending round first claimed it for, or
 * {@code email/<round>} as before that); null until then. The Message-ID derives from
 * {@link #emailKey()}, so a resend of the same email carries the same Message-ID
 * @param claim the sending round that last took the entry (SENDING), so a round knows
 * which of the entries it asked for are its own
 * @param vacancy what the email says about the vacancy (null for the welcome entry)
 * @param welcomeTotal the welcome entry's count of matching vacancies, less those that
 * reach the alert in other emails
 * @param dueAt when the entry's email is due (end of the coalescing window, the next
 * digest, or at once for a welcome); null while PARKED
 * @param attempts failed attempts so far
 * @param nextAttemptAt when a FAILED entry is tried again
 * @param reason why it was skipped, suppressed or failed
 * @param oneOff what a confirmation request or a notice says; null for the entries of
 * vacancy emails
 * @param expiresAt when MongoDB deletes the entry, whatever its state (a TTL index): set
 * on notices, which hold an address that no alert of the notifier may hold
 * ({@code nhsjob.notifier.notices.retention}); null for the entries of an alert, which go
 * when the alert is erased
 * @param matchedAt when the matcher made a PARKED entry's match, to tell a profile newer
 * than it (whose state decides the entry) from one older (the alert's activation still on
 * its way); null for an entry recorded when its alert was known
 * @param remindedIn the key of the digest that reminded the alert of this SENT vacancy as
 * closing soon, set once by a conditional write when that digest is built
 * ({@link ClosingSoon}); null while it has not been reminded
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}")
@CompoundIndex(name = "stuck", def = "{'state': 1, 'updatedAt': 1}")
@CompoundIndex(name = "retry", def = "{'state': 1, 'nextAttemptAt': 1}")
record Delivery(@Id String id, @Indexed @Nullable String alertId, String item, @Nullable String email,
		@Nullable String claim, DeliveryState state, @Nullable MatchedVacancy vacancy, @Nullable Integer welcomeTotal,
		@Nullable Instant dueAt, int attempts, @Nullable Instant nextAttemptAt, @Nullable String reason,
		Instant recordedAt, Instant updatedAt, @Nullable OneOffEmail oneOff,
		@Indexed(expireAfter = "0s") @Nullable Instant expiresAt, @Nullable Instant matchedAt,
		@Nullable String remindedIn) {

	/**
	 * The key of the email that carries this entry, once it has one: within its alert's,
	 * or on its own for a notice.
	 */
	String emailKey() {
		if (isInInbox()) {
			// inbox/<round>/<lead alert>: <lead alert>/inbox/<round>, whichever alert's
			String roundAndLead = this.email.substring(DeliveryLedger.INBOX.length());
			int slash = roundAndLead.indexOf('/');
			return roundAndLead.substring(slash + 1) + "/" + DeliveryLedger.INBOX + roundAndLead.substring(0, slash);
		}
		return (this.alertId != null) ? this.alertId + "/" + this.email : String.valueOf(this.email);
	}

	/**
	 * Whether the entry's email is one of its address ({@code inbox/<round>/<alert>}),
	 * whose key ({@code <lead alert>/inbox/<round>}) several alerts' entries share.
	 */
	boolean isInInbox() {
		return this.email != null && this.email.startsWith(DeliveryLedger.INBOX);
	}

	/** A confirmation request or a notice: the entry is its email. */
	boolean isOneOff() {
		return this.oneOff != null;
	}

	boolean isWelcome() {
		return DeliveryLedger.WELCOME.equals(this.item);
	}

}
