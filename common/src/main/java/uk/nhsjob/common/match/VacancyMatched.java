package uk.nhsjob.common.match;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One vacancy matched one alert. The match id is the same whichever revision matched and
 * however often the match is computed, so consumers can deduplicate on it.
 */
public record VacancyMatched(UUID eventId, int schemaVersion, Instant occurredAt, String alertId, UUID matchId,
		MatchedVacancy vacancy) implements AlertMatch {

	public static final int SCHEMA_VERSION = 1;

	public static VacancyMatched of(String alertId, MatchedVacancy vacancy, Instant occurredAt) {
		return new VacancyMatched(UUID.randomUUID(), SCHEMA_VERSION, occurredAt, alertId,
				matchIdOf(alertId, vacancy.vacancyId()), vacancy);
	}

	/** A name-based (v3) UUID of the pair, so every service derives the same id. */
	public static UUID matchIdOf(String alertId, String vacancyId) {
		return UUID.nameUUIDFromBytes((alertId + "\n" + vacancyId).getBytes(StandardCharsets.UTF_8));
	}

}
