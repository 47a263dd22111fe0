package uk.nhsjob.matcher.matching;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A vacancy sent to an alert, which is never sent to it again whatever its later
 * revisions. The id {@code alertId|vacancyId} makes a pair unique.
 */
@Document("sentMatches")
record SentMatch(@Id String id, @Indexed String alertId, String vacancyId, Via via, Instant sentAt) {

	static SentMatch of(String alertId, String vacancyId, Via via, Instant sentAt) {
		return new SentMatch(idOf(alertId, vacancyId), alertId, vacancyId, via, sentAt);
	}

	static String idOf(String alertId, String vacancyId) {
		return alertId + "|" + vacancyId;
	}

	/** Which record carried the vacancy to the notifier. */
	enum Via {

		/** A {@link uk.nhsjob.common.match.VacancyMatched} of its own. */
		MATCH,
		/** The alert's {@link uk.nhsjob.common.match.WelcomeSetMatched}. */
		WELCOME_SET

	}

}
