package uk.nhsjob.notifier.email;

import java.util.List;

import uk.nhsjob.common.match.MatchedVacancy;

/**
 * One alert's part of a vacancy email: the alert, the vacancies to list under it, how
 * many there are in all (more than listed when the email has no room for every one), and
 * the earlier-sent vacancies closing soon to remind of after them (docs/emails.md,
 * "Closing soon").
 */
public record AlertSection(Addressee alert, List<MatchedVacancy> vacancies, int total,
		List<MatchedVacancy> closingSoon) {

	public AlertSection {
		vacancies = List.copyOf(vacancies);
		total = Math.max(total, vacancies.size());
		closingSoon = List.copyOf(closingSoon);
	}

	/** A section listing these vacancies and no others, and no reminders. */
	public AlertSection(Addressee alert, List<MatchedVacancy> vacancies) {
		this(alert, vacancies, vacancies.size(), List.of());
	}

	/** A section listing these of the total, and no reminders. */
	public AlertSection(Addressee alert, List<MatchedVacancy> vacancies, int total) {
		this(alert, vacancies, total, List.of());
	}

}
