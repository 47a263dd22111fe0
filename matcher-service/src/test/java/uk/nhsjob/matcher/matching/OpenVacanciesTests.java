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

	private static final Instant T = Instant.parse("2026-06-01T20:00:00Z");

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

	@Test
	void ignoresALowerRevisionSoAClosedVacancyDoesNotComeBackOpen() {
		this.open.update("s:1", vacancy("s:1").revision(3).closed().build(), T);
		assertThat(this.open.update("s:1", vacancy("s:1").revision(2).build(), T.plusSeconds(1))).isFalse();
		assertThat(this.open.newestFirst()).isEmpty();
	}

	@Test
	void listsThoseAppendedUpToAMoment() {
		this.open.update("s:before", vacancy("s:before").build(), T.minusMillis(1));
		this.open.update("s:at", vacancy("s:at").build(), T);
		this.open.update("s:after", vacancy("s:after").build(), T.plusMillis(1));
		assertThat(this.open.appendedUpTo(T)).extracting(Vacancy::id).containsExactlyInAnyOrder("s:before", "s:at");
	}

	@Test
	void aNewerRevisionIsHeldWithItsOwnAppendTime() {
		this.open.update("s:1", vacancy("s:1").build(), T.minusSeconds(5));
		this.open.update("s:1", vacancy("s:1").revision(2).build(), T.plusSeconds(5));
		assertThat(this.open.appendedUpTo(T)).isEmpty();
	}

}
