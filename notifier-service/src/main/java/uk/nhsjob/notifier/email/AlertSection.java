package uk.nhsjob.notifier.email;

import java.util.List;

import uk.nhsjob.common.match.MatchedVacancy;

/**
 * One alert's part of a vacancy email: the alert, the vacancies to list under it, and how
 * many there are in all (more than listed when the email has no room for every one).
 */
public record AlertSection(Addressee alert, List<MatchedVacancy> vacancies, int total) {

	public AlertSection {
		vacancies = List.copyOf(vacancies);
		total = Math.max(total, vacancies.size());
	}

	/** A section listing these vacancies and no others. */
	public AlertSection(Addressee alert, List<MatchedVacancy> vacancies) {
		this(alert, vacancies, vacancies.size());
	}

}
