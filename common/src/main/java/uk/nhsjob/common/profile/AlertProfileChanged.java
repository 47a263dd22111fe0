package uk.nhsjob.common.profile;

import java.time.Instant;
import java.util.UUID;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/**
 * An alert's current state as the notifier needs it, published on
 * {@link uk.nhsjob.common.Topics#PROFILES} under the alert's id after every change; a
 * tombstone (null value) follows its erasure.
 *
 * @param revision the alert's own version: a consumer ignores a record older than one it
 * has seen
 * @param confirmationRequest counts the confirmation emails asked for: when it goes up
 * while the alert is pending, one more confirmation email is due
 * @param criteriaDescription one line for a subject: "medical secretary jobs within 10
 * miles of LS6"
 */
public record AlertProfileChanged(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, long revision,
		String email, AlertStatus status, Frequency frequency, String criteriaDescription, int confirmationRequest,
		String confirmUrl, String manageUrl, String unsubscribeUrl) {

	public static final int SCHEMA_VERSION = 1;

}
