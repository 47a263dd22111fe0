package uk.nhsjob.notifier.email;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;

import static org.assertj.core.api.Assertions.assertThat;

class EmailVacancyTests {

	@Test
	void showsBandSalaryHoursPlaceAndClosingDate() {
		EmailVacancy view = EmailVacancy.of(vacancy(Band.BAND_3, Band.BAND_4, null, 26000, 28000, 22.5, "Leeds", 3.04,
				"https://jobs.example.nhs.uk/1"));

		assertThat(view.pay()).isEqualTo("Band 3 to 4, £26,000 to £28,000 a year");
		assertThat(view.hours()).isEqualTo("22.5 hours a week, part time, job share");
		assertThat(view.place()).isEqualTo("Leeds, 3.0 miles away");
		assertThat(view.closing()).isEqualTo("31 December 2026");
		assertThat(view.applyLink()).isEqualTo("https://jobs.example.nhs.uk/1");
		assertThat(view.applyText()).isNull();
	}

	@Test
	void prefersTheStatedSalaryAndCopesWithoutDetails() {
		EmailVacancy view = EmailVacancy.of(vacancy(null, null, "Competitive", null, null, null, null, null, null));

		assertThat(view.pay()).isEqualTo("Competitive");
		assertThat(view.hours()).isEqualTo("part time, job share");
		assertThat(view.place()).isNull();
		assertThat(view.applyLink()).isNull();
	}

	@Test
	void linksOnlyHttpsAdverts() {
		assertThat(EmailVacancy.of(withApplyUrl("http://jobs.example.org/1")).applyLink()).isNull();
		assertThat(EmailVacancy.of(withApplyUrl("http://jobs.example.org/1")).applyText())
			.isEqualTo("http://jobs.example.org/1");
		assertThat(EmailVacancy.of(withApplyUrl("javascript:alert(1)"))).satisfies((view) -> {
			assertThat(view.applyLink()).isNull();
			assertThat(view.applyText()).isNull();
		});
		assertThat(EmailVacancy.of(withApplyUrl("HTTPS://jobs.example.org/a b")).applyLink()).isNull();
		assertThat(EmailVacancy.of(withApplyUrl("HTTPS://jobs.example.org/2")).applyLink())
			.isEqualTo("HTTPS://jobs.example.org/2");
	}

	private static MatchedVacancy withApplyUrl(String applyUrl) {
		return vacancy(Band.BAND_4, Band.BAND_4, null, null, null, null, "Leeds", null, applyUrl);
	}

	private static MatchedVacancy vacancy(Band bandMin, Band bandMax, String salaryText, Integer salaryMin,
			Integer salaryMax, Double hours, String town, Double miles, String applyUrl) {
		return new MatchedVacancy("trust:1", 1, "Medical Secretary", "Leeds Teaching Hospitals NHS Trust", bandMin,
				bandMax, salaryMin, salaryMax, salaryText, hours,
				List.of(WorkingPattern.PART_TIME, WorkingPattern.JOB_SHARE), town, "LS1 3EX", miles, null,
				LocalDate.of(2026, 12, 31), applyUrl);
	}

}
