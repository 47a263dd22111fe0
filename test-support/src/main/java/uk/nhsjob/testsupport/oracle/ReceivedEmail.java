package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An email about vacancies as the SMTP server received it.
 *
 * @param alertId the alert it is for (from its unsubscribe link; the first of them in an
 * email of several alerts)
 * @param messageId its Message-ID header
 * @param welcome whether it is a welcome email (else new matches)
 * @param vacancyIds the vacancies it lists
 * @param total the total the email states: a welcome email's matching vacancies, or an
 * email of matches' new jobs (its subject), more than it lists when it says "And N more"
 * (docs/emails.md: at most 20 an email)
 * @param seenAt when the test first saw it in the server's store
 * @param remindedIds the vacancies a digest's closing-soon section reminds of: sent to
 * the alert before, so not listings (docs/emails.md, "Closing soon")
 * @param alertIds every alert the email is for (the tokens of its combined unsubscribe
 * link): an email of several alerts of one address lists a vacancy once and counts it
 * sent to each of them that matched it (docs/emails.md, "One email per person");
 * {@code alertId} alone otherwise
 */
public record ReceivedEmail(String alertId, String messageId, boolean welcome, Set<String> vacancyIds, int total,
		Instant seenAt, Set<String> remindedIds, Set<String> alertIds) {

	public ReceivedEmail {
		vacancyIds = Set.copyOf(vacancyIds);
		remindedIds = Set.copyOf(remindedIds);
		Set<String> all = new LinkedHashSet<>();
		all.add(alertId);
		all.addAll(alertIds);
		alertIds = Collections.unmodifiableSet(all);
	}

	/** An email of one alert. */
	public ReceivedEmail(String alertId, String messageId, boolean welcome, Set<String> vacancyIds, int total,
			Instant seenAt, Set<String> remindedIds) {
		this(alertId, messageId, welcome, vacancyIds, total, seenAt, remindedIds, Set.of(alertId));
	}

	/** An email that reminds of nothing. */
	public ReceivedEmail(String alertId, String messageId, boolean welcome, Set<String> vacancyIds, int total,
			Instant seenAt) {
		this(alertId, messageId, welcome, vacancyIds, total, seenAt, Set.of());
	}

}
