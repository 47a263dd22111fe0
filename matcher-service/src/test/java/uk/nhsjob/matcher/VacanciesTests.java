package uk.nhsjob.matcher;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vacancy.Vacancy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The fixture dates its vacancies by the service's clock when it builds them: when it
 * fixed "today" as the class loaded, a run that crossed midnight published vacancies
 * closing "today" that the service already saw as closed yesterday.
 */
class VacanciesTests {

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	@Test
	void datesAVacancyByTheServiceClockWhenItIsBuiltNotWhenTheFixtureLoaded() {
		Vacancies fixture = vacancy("test-trust:midnight");
		LocalDate before = ServiceClock.today();

		ServiceClock.LONDON.advance(Duration.ofDays(1)); // as when a run crosses midnight
		Vacancy built = fixture.build();

		assertThat(built.postedAt()).isEqualTo(before);
		assertThat(built.closingDate()).isEqualTo(before.plusDays(15));
		assertThat(vacancy().closingDate(Vacancies.today()).build().closingDate()).isEqualTo(before.plusDays(1));
	}

}
