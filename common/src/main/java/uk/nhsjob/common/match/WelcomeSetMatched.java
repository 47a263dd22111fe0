package uk.nhsjob.common.match;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The open vacancies that already matched an alert when it was confirmed: the newest (at
 * most {@link #MAX_VACANCIES}) and how many there were in all, one copy of each job. Each
 * counts as sent.
 * <p>
 * Version 2 added each vacancy's {@code jobId}.
 */
public record WelcomeSetMatched(UUID eventId, int schemaVersion, Instant occurredAt, String alertId,
		List<MatchedVacancy> vacancies, int totalMatching) implements AlertMatch {

	public static final int SCHEMA_VERSION = 2;

	public static final int MAX_VACANCIES = 10;

	public WelcomeSetMatched {
		vacancies = List.copyOf(vacancies);
	}

}
