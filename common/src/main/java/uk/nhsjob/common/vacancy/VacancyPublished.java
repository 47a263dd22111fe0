package uk.nhsjob.common.vacancy;

import java.time.Instant;
import java.util.UUID;

/**
 * A vacancy's current state, open or closed, as published on
 * {@link uk.nhsjob.common.Topics#VACANCIES} under the vacancy's id.
 * <p>
 * Version 2 added the vacancy's {@code duplicateOf} and {@code jobId}; a version 1 record
 * has neither.
 */
public record VacancyPublished(UUID eventId, int schemaVersion, Instant occurredAt, Vacancy vacancy) {

	public static final int SCHEMA_VERSION = 2;

	public static VacancyPublished of(Vacancy vacancy, Instant occurredAt) {
		return new VacancyPublished(UUID.randomUUID(), SCHEMA_VERSION, occurredAt, vacancy);
	}

}
