package uk.nhsjob.matcher.matching;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A job sent to an alert, which is never sent to it again whatever its later revisions
 * and whichever copy of it (docs/matching.md). The id {@code alertId|jobId} makes a pair
 * unique; a vacancy that is a job of its own is its own job id.
 *
 * @param jobId stored as {@code vacancyId}, which it was before jobs were, and is for a
 * vacancy of its own
 */
@Document("sentMatches")
record SentMatch(@Id String id, @Indexed String alertId, @Field("vacancyId") String jobId, Via via, Instant sentAt) {

	static SentMatch of(String alertId, String jobId, Via via, Instant sentAt) {
		return new SentMatch(idOf(alertId, jobId), alertId, jobId, via, sentAt);
	}

	static String idOf(String alertId, String jobId) {
		return alertId + "|" + jobId;
	}

	/** Which record carried the vacancy to the notifier. */
	enum Via {

		/** A {@link uk.nhsjob.common.match.VacancyMatched} of its own. */
		MATCH,
		/** The alert's {@link uk.nhsjob.common.match.WelcomeSetMatched}. */
		WELCOME_SET

	}

}
