package uk.nhsjob.notifier.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What an email that is whole in one ledger entry says: a confirmation request, or a
 * notice about an address. Kept in the entry from the moment it is recorded, so a resend
 * says what the first attempt said.
 *
 * @param kind which email it is
 * @param address where it goes
 * @param url the one link it carries (the confirm link, or the page of the address's
 * alerts)
 * @param criteriaDescription the alert's description, for a confirmation request; null
 * for a notice
 * @param notMeUrl a confirmation request's "this wasn't me" link; null for a notice, and
 * for an alert whose profile record has none
 */
record OneOffEmail(Kind kind, String address, String url, @Nullable String criteriaDescription,
		@Nullable String notMeUrl) {

	enum Kind {

		/**
		 * An alert's confirmation request, for the alert's recipient while it is pending.
		 */
		CONFIRMATION,

		/** The link to every alert of the address (a notice). */
		MANAGE_LINK,

		/** The address already has its fill of alerts (a notice). */
		ALERT_LIMIT_REACHED

	}

}
