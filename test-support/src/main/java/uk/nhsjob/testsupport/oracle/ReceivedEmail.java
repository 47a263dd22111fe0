package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Set;

/**
 * An email about vacancies as the SMTP server received it.
 *
 * @param alertId the alert it is for (from its unsubscribe link)
 * @param messageId its Message-ID header
 * @param welcome whether it is a welcome email (else new matches)
 * @param vacancyIds the vacancies it lists
 * @param total the total a welcome email states (the number listed otherwise)
 * @param seenAt when the test first saw it in the server's store
 * @param remindedIds the vacancies a digest's closing-soon section reminds of: sent to
 * the alert before, so not listings (docs/emails.md, "Closing soon")
 */
public record ReceivedEmail(String alertId, String messageId, boolean welcome, Set<String> vacancyIds, int total,
		Instant seenAt, Set<String> remindedIds) {

	public ReceivedEmail {
		vacancyIds = Set.copyOf(vacancyIds);
		remindedIds = Set.copyOf(remindedIds);
	}

	/** An email that reminds of nothing. */
	public ReceivedEmail(String alertId, String messageId, boolean welcome, Set<String> vacancyIds, int total,
			Instant seenAt) {
		this(alertId, messageId, welcome, vacancyIds, total, seenAt, Set.of());
	}

}
