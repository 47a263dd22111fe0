package uk.nhsjob.common.match;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One vacancy matched one alert. The match id is the same whichever revision matched,
 * whichever copy of the job it is (docs/matching.md) and however often the match is
 * computed, so consumers can deduplicate on it.
 * <p>
 * Version 2 added the vacancy's {@code jobId}, and the match id is of the job.
 */
public record VacancyMatched(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, UUID matchId,
		MatchedVacancy vacancy) implements AlertMatch {

	public static final int SCHEMA_VERSION = 2;

	public static VacancyMatched of(String alertId, MatchedVacancy vacancy, Instant occurredAt) {
		return new VacancyMatched(UUID.randomUUID(), SCHEMA_VERSION, occurredAt, alertId,
				matchIdOf(alertId, vacancy.job()), vacancy);
	}

	/**
	 * A name-based (v3) UUID of the alert and the job, so every service derives the same
	 * id. A vacancy that is a job of its own is its own job id.
	 */
	public static UUID matchIdOf(String alertId, String jobId) {
		return UUID.nameUUIDFromBytes((alertId + "\n" + jobId).getBytes(StandardCharsets.UTF_8));
	}

}
