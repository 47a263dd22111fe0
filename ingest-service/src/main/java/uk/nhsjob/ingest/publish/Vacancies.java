package uk.nhsjob.ingest.publish;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.VacancyStatus;

/** Copies of a vacancy with the fields the publisher decides. */
final class Vacancies {

	private Vacancies() {
	}

	static Vacancy with(Vacancy v, long revision, @Nullable LocalDate postedAt) {
		return with(v, revision, v.status(), postedAt);
	}

	/** The same vacancy as a copy of that job. */
	static Vacancy ofJob(Vacancy v, @Nullable String duplicateOf, @Nullable String jobId) {
		return new Vacancy(v.id(), v.sourceId(), v.externalId(), v.revision(), v.status(), v.title(), v.employerName(),
				v.employerType(), v.role(), v.specialties(), v.bandMin(), v.bandMax(), v.bandSource(),
				v.salaryMinAnnual(), v.salaryMaxAnnual(), v.salaryPeriod(), v.proRata(), v.salaryText(),
				v.hoursPerWeek(), v.workingPatterns(), v.contractType(), v.postcode(), v.town(), v.latitude(),
				v.longitude(), v.remote(), v.postedAt(), v.closingDate(), v.applyUrl(), v.reference(), v.description(),
				duplicateOf, jobId);
	}

	/** The same vacancy, closed: everything else as its last revision said. */
	static Vacancy closed(Vacancy v, long revision) {
		return with(v, revision, VacancyStatus.CLOSED, v.postedAt());
	}

	private static Vacancy with(Vacancy v, long revision, VacancyStatus status, @Nullable LocalDate postedAt) {
		return new Vacancy(v.id(), v.sourceId(), v.externalId(), revision, status, v.title(), v.employerName(),
				v.employerType(), v.role(), v.specialties(), v.bandMin(), v.bandMax(), v.bandSource(),
				v.salaryMinAnnual(), v.salaryMaxAnnual(), v.salaryPeriod(), v.proRata(), v.salaryText(),
				v.hoursPerWeek(), v.workingPatterns(), v.contractType(), v.postcode(), v.town(), v.latitude(),
				v.longitude(), v.remote(), postedAt, v.closingDate(), v.applyUrl(), v.reference(), v.description(),
				v.duplicateOf(), v.jobId());
	}

}
