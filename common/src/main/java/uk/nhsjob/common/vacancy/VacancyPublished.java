package uk.nhsjob.common.vacancy;

import java.time.Instant;
import java.util.UUID;

/**
 * A vacancy's current state, open or closed, as published on
 * {@link uk.nhsjob.common.Topics#VACANCIES} under the vacancy's id.
 */
public record VacancyPublished(UUID eventId, int schemaVersion, Instant occurredAt, Vacancy vacancy) {

	public static final int SCHEMA_VERSION = 1;

	public static VacancyPublished of(Vacancy vacancy, Instant occurredAt) {
		return new VacancyPublished(UUID.randomUUID(), SCHEMA_VERSION, occurredAt, vacancy);
	}

}
