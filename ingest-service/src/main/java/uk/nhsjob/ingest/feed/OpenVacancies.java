package uk.nhsjob.ingest.feed;

import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;

/** {@code GET …/vacancies}: the source's open vacancies, normalised. */
record OpenVacancies(List<Vacancy> vacancies) {

	OpenVacancies {
		vacancies = List.copyOf(vacancies);
	}

}
