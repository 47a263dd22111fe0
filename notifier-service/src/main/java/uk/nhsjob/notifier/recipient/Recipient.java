package uk.nhsjob.notifier.recipient;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.email.Addressee;

/**
 * An alert as the notifier last heard of it.
 *
 * @param revision of the profile record this was built from
 * @param confirmationsRecorded the profile's highest {@code confirmationRequest} whose
 * email the delivery ledger holds (sent, or to be sent); stored under its first name,
 * {@code confirmationsSent}, from when the email was sent straight away
 * @param changedAt when the profile record was published
 * @param notMeUrl the confirmation email's "this wasn't me" link; null from a profile
 * record published before it was added
 * @param closingSoon whether the alert's digests remind of earlier-sent vacancies closing
 * soon; null (a version-1 profile record, or a recipient stored before the setting) means
 * on
 */
@Document("recipients")
public record Recipient(@Id String alertId, String address, AlertStatus status, Frequency frequency,
		String criteriaDescription, String confirmUrl, String manageUrl, String unsubscribeUrl, long revision,
		@Field("confirmationsSent") int confirmationsRecorded, Instant changedAt, @Nullable String notMeUrl,
		@Nullable Boolean closingSoon) {

	static Recipient of(AlertProfileChanged profile, int confirmationsRecorded) {
		return new Recipient(profile.alertId(), profile.email(), profile.status(), profile.frequency(),
				profile.criteriaDescription(), profile.confirmUrl(), profile.manageUrl(), profile.unsubscribeUrl(),
				profile.revision(), confirmationsRecorded, profile.occurredAt(), profile.notMeUrl(),
				profile.remindsOfClosingSoon());
	}

	/** Whether the alert's digests carry a closing-soon section (docs/emails.md). */
	public boolean remindsOfClosingSoon() {
		return !Boolean.FALSE.equals(this.closingSoon);
	}

	public boolean isActive() {
		return this.status == AlertStatus.ACTIVE;
	}

	public Addressee addressee() {
		return new Addressee(this.address, this.criteriaDescription, this.manageUrl, this.unsubscribeUrl);
	}

	Recipient withConfirmationsRecorded(int confirmationsRecorded) {
		return new Recipient(this.alertId, this.address, this.status, this.frequency, this.criteriaDescription,
				this.confirmUrl, this.manageUrl, this.unsubscribeUrl, this.revision, confirmationsRecorded,
				this.changedAt, this.notMeUrl, this.closingSoon);
	}

}
