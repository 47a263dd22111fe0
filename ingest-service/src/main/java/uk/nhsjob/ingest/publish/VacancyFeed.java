package uk.nhsjob.ingest.publish;

import java.util.function.Consumer;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The accepted vacancies of one feed, handed on one at a time, so that the publisher
 * never needs the whole feed in memory.
 */
@FunctionalInterface
public interface VacancyFeed {

	/**
	 * Hands on each vacancy once: normalised, of one source, revision not set, one per
	 * id.
	 */
	void forEach(Consumer<Vacancy> publish);

}
