package uk.nhsjob.matcher.alert.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The matching vacancies the subscription page shows before anyone subscribes.
 *
 * @param total how many open vacancies match now
 * @param vacancies the newest few of them
 */
record PreviewPanel(int total, List<Job> vacancies) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	static PreviewPanel of(int total, List<Vacancy> vacancies) {
		return new PreviewPanel(total, vacancies.stream().map(Job::of).toList());
	}

	/** "1 job matches", "23 jobs match". */
	public String headline() {
		return (this.total == 1) ? "1 open job matches" : this.total + " open jobs match";
	}

	/**
	 * One vacancy in a line or three.
	 *
	 * @param link its apply link, only when that is {@code https}
	 */
	record Job(String title, @Nullable String link, String where, String pay, @Nullable String closes) {

		static Job of(Vacancy vacancy) {
			String link = (vacancy.applyUrl() != null && vacancy.applyUrl().startsWith("https://")) ? vacancy.applyUrl()
					: null;
			String where = String.join(", ",
					java.util.stream.Stream.of(vacancy.employerName(), vacancy.town())
						.filter((part) -> part != null && !part.isBlank())
						.toList());
			return new Job(vacancy.title(), link, where.isEmpty() ? "Location not given" : where, pay(vacancy),
					closes(vacancy.closingDate()));
		}

		private static String pay(Vacancy vacancy) {
			String band = (vacancy.bandMin() == null) ? null
					: (vacancy.bandMax() == null || vacancy.bandMax() == vacancy.bandMin())
							? vacancy.bandMin().toString() : vacancy.bandMin() + " to " + vacancy.bandMax().label();
			String salary = (vacancy.salaryText() != null && !vacancy.salaryText().isBlank()) ? vacancy.salaryText()
					: null;
			if (band != null && salary != null) {
				return band + ", " + salary;
			}
			return (band != null) ? band : (salary != null) ? salary : "Pay not given";
		}

		private static @Nullable String closes(@Nullable LocalDate date) {
			return (date != null) ? "Closes " + DAY.format(date) : null;
		}

	}

}
