package uk.nhsjob.ingest.feed;

import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * What a feed would publish, as {@code POST …/validate} answers it.
 *
 * @param vacancies the accepted vacancies, normalised (revision 0: none is published)
 * @param rejected as in the receipt
 */
record Validation(List<Vacancy> vacancies, List<Receipt.Rejection> rejected) {

	Validation {
		vacancies = List.copyOf(vacancies);
		rejected = List.copyOf(rejected);
	}

}
