package uk.nhsjob.common.profile;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/**
 * An alert's current state, published on {@link uk.nhsjob.common.Topics#PROFILES} under
 * the alert's id after every change; a tombstone (null value) follows its erasure. Every
 * matcher instance builds its match index from it and the notifier its recipients
 * (docs/events.md).
 *
 * @param revision the alert's own version, which only grows: a consumer ignores a record
 * older than one it has seen
 * @param confirmationRequest counts the confirmation emails asked for: when it goes up
 * while the alert is pending, one more confirmation email is due
 * @param criteriaDescription one line for a subject: "medical secretary jobs within 10
 * miles of LS6"
 * @param criteria since schema version 2; null in a version-1 record
 * @param closingSoon since schema version 2: whether digests remind of earlier-sent
 * vacancies closing soon; null (a version-1 record) means on
 * @param matchingSince since schema version 2, for an {@code ACTIVE} alert: the moment
 * from which vacancies are matched to it (docs/matching.md, "Several instances"); null in
 * the record that activates the alert or changes its criteria, whose own broker append
 * time is then that moment, and in every record of an alert that is not active
 * @param notMeUrl the "this wasn't me" link of the confirmation email: its page erases
 * the address at once (docs/alerts.md, "This wasn't me"). Added to schema version 2
 * later, as an optional field: null in records published before it, whose confirmation
 * emails then go without the link
 */
public record AlertProfileChanged(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, long revision,
		String email, AlertStatus status, Frequency frequency, String criteriaDescription, int confirmationRequest,
		String confirmUrl, String manageUrl, String unsubscribeUrl, @Nullable ProfileCriteria criteria,
		@Nullable Boolean closingSoon, @Nullable Instant matchingSince, @Nullable String notMeUrl) {

	public static final int SCHEMA_VERSION = 2;

	/** A record without {@code notMeUrl}, as published before it was added. */
	public AlertProfileChanged(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, long revision,
			String email, AlertStatus status, Frequency frequency, String criteriaDescription, int confirmationRequest,
			String confirmUrl, String manageUrl, String unsubscribeUrl, @Nullable ProfileCriteria criteria,
			@Nullable Boolean closingSoon, @Nullable Instant matchingSince) {
		this(eventId, schemaVersion, occurredAt, alertId, revision, email, status, frequency, criteriaDescription,
				confirmationRequest, confirmUrl, manageUrl, unsubscribeUrl, criteria, closingSoon, matchingSince, null);
	}

	/** A record without {@code matchingSince}: its own append time is the alert's. */
	public AlertProfileChanged(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, long revision,
			String email, AlertStatus status, Frequency frequency, String criteriaDescription, int confirmationRequest,
			String confirmUrl, String manageUrl, String unsubscribeUrl, @Nullable ProfileCriteria criteria,
			@Nullable Boolean closingSoon) {
		this(eventId, schemaVersion, occurredAt, alertId, revision, email, status, frequency, criteriaDescription,
				confirmationRequest, confirmUrl, manageUrl, unsubscribeUrl, criteria, closingSoon, null, null);
	}

	/** Whether digests of this alert carry a closing-soon section. */
	public boolean remindsOfClosingSoon() {
		return !Boolean.FALSE.equals(this.closingSoon);
	}

}
