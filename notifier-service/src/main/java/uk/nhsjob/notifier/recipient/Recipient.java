package uk.nhsjob.notifier.recipient;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.email.Addressee;

/**
 * An alert as the notifier last heard of it.
 *
 * @param revision of the profile record this was built from
 * @param confirmationsSent the profile's {@code confirmationRequest} that the last
 * confirmation email answered
 * @param changedAt when the profile record was published
 * @param notMeUrl the confirmation email's "this wasn't me" link; null from a profile
 * record published before it was added
 */
@Document("recipients")
public record Recipient(@Id String alertId, String address, AlertStatus status, Frequency frequency,
		String criteriaDescription, String confirmUrl, String manageUrl, String unsubscribeUrl, long revision,
		int confirmationsSent, Instant changedAt, @Nullable String notMeUrl) {

	static Recipient of(AlertProfileChanged profile, int confirmationsSent) {
		return new Recipient(profile.alertId(), profile.email(), profile.status(), profile.frequency(),
				profile.criteriaDescription(), profile.confirmUrl(), profile.manageUrl(), profile.unsubscribeUrl(),
				profile.revision(), confirmationsSent, profile.occurredAt(), profile.notMeUrl());
	}

	public boolean isActive() {
		return this.status == AlertStatus.ACTIVE;
	}

	public Addressee addressee() {
		return new Addressee(this.address, this.criteriaDescription, this.manageUrl, this.unsubscribeUrl);
	}

	Recipient withConfirmationsSent(int confirmationsSent) {
		return new Recipient(this.alertId, this.address, this.status, this.frequency, this.criteriaDescription,
				this.confirmUrl, this.manageUrl, this.unsubscribeUrl, this.revision, confirmationsSent, this.changedAt,
				this.notMeUrl);
	}

}
