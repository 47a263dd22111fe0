package uk.nhsjob.common.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * An email about an address rather than one alert, which the matcher asks the notifier to
 * send; published on {@link uk.nhsjob.common.Topics#NOTICES} under a keyed hash of the
 * address (docs/events.md). The notifier sends it through its delivery ledger, once per
 * event id.
 *
 * @param email the address to write to
 * @param url the absolute link the email carries: the page listing the address's alerts
 */
public record AddressNotice(UUID eventId, int schemaVersion, Instant occurredAt, String email, NoticeKind kind,
		String url) {

	public static final int SCHEMA_VERSION = 1;

}
