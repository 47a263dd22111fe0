package uk.nhsjob.matcher.matching;

import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;

/** The answer to {@code POST /api/v1/alerts/preview}. */
record Preview(int total, List<Vacancy> vacancies) {
}
