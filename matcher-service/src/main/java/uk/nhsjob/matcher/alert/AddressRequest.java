package uk.nhsjob.matcher.alert;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Frequency;

/**
 * A request about an address, recorded before it is answered and decided after
 * ({@link AddressRequests}): so that a known and an unknown address take the same path to
 * the answer (docs/alerts.md, "How many alerts").
 *
 * @param id also the event id of the notice it may lead to, so a request decided twice
 * asks for one email
 * @param alertId the id the answer named: a new alert's, or the identical pending one's
 * @param resend whether the answer named an identical pending alert, whose confirmation
 * is asked for again
 * @param emailAllowed whether the address's and the service's limits allowed an email
 * @param claimedUntil while one instance decides it
 */
record AddressRequest(String id, Kind kind, String email, @Nullable String alertId, @Nullable Criteria criteria,
		@Nullable Frequency frequency, boolean resend, boolean emailAllowed, Instant requestedAt,
		@Nullable Instant claimedUntil) {

	enum Kind {

		NEW_ALERT, MANAGE_LINK

	}

}
