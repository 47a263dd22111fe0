package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.Vacancies;

import static org.assertj.core.api.Assertions.assertThat;

class OpenVacanciesTests {

	/** 23:30 UTC on 1 June is already 2 June in London (BST). */
	private static final Instant LATE_EVENING = Instant.parse("2026-06-01T23:30:00Z");

	private static final LocalDate LONDON_TODAY = LocalDate.of(2026, 6, 2);

	private final OpenVacancies open = new OpenVacancies(Clock.fixed(LATE_EVENING, ZoneOffset.UTC));

	/** Open until a week after the clock's today, whatever the day the test runs. */
	private static Vacancies vacancy(String id) {
		return Vacancies.vacancy(id).postedAt(LONDON_TODAY.minusDays(1)).closingDate(LONDON_TODAY.plusDays(7));
	}

	@Test
	void todayIsTodayInLondon() {
		assertThat(this.open.today()).isEqualTo(LONDON_TODAY);
	}

	@Test
	void keepsEachVacancysLatestOpenState() {
		assertThat(this.open.update("s:1", vacancy("s:1").title("First").closingDate(LONDON_TODAY).build())).isTrue();
		assertThat(this.open.update("s:1", vacancy("s:1").revision(2).title("Second").build())).isTrue();
		assertThat(this.open.newestFirst()).extracting(Vacancy::title).containsExactly("Second");
	}

	@Test
	void dropsClosedVacanciesTombstonesAndThosePastTheirClosingDate() {
		this.open.update("s:1", vacancy("s:1").build());
		this.open.update("s:2", vacancy("s:2").build());
		this.open.update("s:3", vacancy("s:3").build());
		assertThat(this.open.update("s:1", vacancy("s:1").revision(2).closed().build())).isFalse();
		assertThat(this.open.update("s:2", null)).isFalse();
		assertThat(this.open.update("s:3", vacancy("s:3").closingDate(LONDON_TODAY.minusDays(1)).build())).isFalse();
		assertThat(this.open.newestFirst()).isEmpty();
	}

	@Test
	void listsTheNewestFirst() {
		this.open.update("s:old", vacancy("s:old").postedAt(LONDON_TODAY.minusDays(9)).build());
		this.open.update("s:undated", vacancy("s:undated").postedAt(null).build());
		this.open.update("s:new", vacancy("s:new").postedAt(LONDON_TODAY).build());
		assertThat(this.open.newestFirst()).extracting(Vacancy::id).containsExactly("s:new", "s:old", "s:undated");
	}

}
