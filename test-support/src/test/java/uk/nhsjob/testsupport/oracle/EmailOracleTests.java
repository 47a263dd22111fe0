package uk.nhsjob.testsupport.oracle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;

import static org.assertj.core.api.Assertions.assertThat;

class EmailOracleTests {

	private static final Instant T = Instant.parse("2030-01-15T05:00:00Z");

	private final EmailOracle oracle = new EmailOracle(Duration.ofMinutes(20));

	@Test
	void theFirstMatchOpensAWindowThatTheAlertsNextMatchesShare() {
		Subscription alert = alert(Frequency.INSTANT);
		List<Match> matches = List.of(match(alert, "v1", T), match(alert, "v2", T.plusSeconds(300)),
				match(alert, "v3", T.plusSeconds(1500)));

		assertThat(this.oracle.emails(matches, Map.of(), T.plusSeconds(3600))).containsExactly(
				new ExpectedEmail("a@example.org", Set.of("a1"), T.plusSeconds(1200), Set.of("v1", "v2")),
				new ExpectedEmail("a@example.org", Set.of("a1"), T.plusSeconds(2700), Set.of("v3")));
		assertThat(this.oracle.emails(matches, Map.of(), T.plusSeconds(1200))).hasSize(1);
	}

	@Test
	void aDailyDigestGoesAtTheNextSevenInLondonWithoutTheVacanciesClosedBefore() {
		Subscription alert = alert(Frequency.DAILY);
		Instant sixFiftyNine = london(2030, 1, 15, 6, 59);
		Instant seven = london(2030, 1, 15, 7, 0);
		List<Match> matches = List.of(match(alert, "v1", sixFiftyNine), match(alert, "v2", sixFiftyNine),
				match(alert, "v3", seven));

		assertThat(this.oracle.emails(matches, Map.of("v2", london(2030, 1, 15, 6, 59)), london(2030, 1, 17, 0, 0)))
			.containsExactly(new ExpectedEmail("a@example.org", Set.of("a1"), seven, Set.of("v1")),
					new ExpectedEmail("a@example.org", Set.of("a1"), london(2030, 1, 16, 7, 0), Set.of("v3")));
	}

	@Test
	void aDigestOfClosedVacanciesOnlyIsNotSent() {
		Subscription alert = alert(Frequency.DAILY);
		List<Match> matches = List.of(match(alert, "v1", london(2030, 1, 15, 5, 0)));

		assertThat(this.oracle.emails(matches, Map.of("v1", london(2030, 1, 15, 6, 0)), london(2030, 1, 16, 0, 0)))
			.isEmpty();
	}

	@Test
	void aDigestListsAVacancyClosingThatDayButNotOneThatClosedTheDayBefore() {
		Subscription alert = alert(Frequency.DAILY);
		Instant evening = london(2030, 1, 14, 20, 0);
		List<Match> matches = List.of(match(alert, "closes-on-the-day", evening, LocalDate.of(2030, 1, 15)),
				match(alert, "closed-the-day-before", evening, LocalDate.of(2030, 1, 14)));

		assertThat(this.oracle.emails(matches, Map.of(), london(2030, 1, 16, 0, 0))).containsExactly(new ExpectedEmail(
				"a@example.org", Set.of("a1"), london(2030, 1, 15, 7, 0), Set.of("closes-on-the-day")));
	}

	@Test
	void sevenInLondonAcrossBothClockChanges() {
		// the clocks go forward on Sunday 31 March 2030 and back on Sunday 27 October
		assertThat(this.oracle.nextDigest(Frequency.DAILY, london(2030, 3, 30, 22, 0)))
			.isEqualTo(Instant.parse("2030-03-31T06:00:00Z"));
		assertThat(this.oracle.nextDigest(Frequency.DAILY, london(2030, 10, 26, 22, 0)))
			.isEqualTo(Instant.parse("2030-10-27T07:00:00Z"));
	}

	@Test
	void aWeeklyDigestGoesOnMondayAtSeven() {
		assertThat(this.oracle.nextDigest(Frequency.WEEKLY, london(2030, 1, 15, 5, 0)))
			.isEqualTo(london(2030, 1, 21, 7, 0));
		assertThat(this.oracle.nextDigest(Frequency.WEEKLY, london(2030, 1, 21, 7, 0)))
			.isEqualTo(london(2030, 1, 28, 7, 0));
	}

	/**
	 * One email per person: an address's instant alerts share one window, its daily ones
	 * one digest, each vacancy listed once; another address's alert goes on its own.
	 */
	@Test
	void anAddressGetsOneInstantEmailPerWindowAndOneDigestEachVacancyOnce() {
		Subscription quick = alert("q1", "a@example.org", Frequency.INSTANT);
		Subscription quicker = alert("q2", "a@example.org", Frequency.INSTANT);
		Subscription daily = alert("d1", "a@example.org", Frequency.DAILY);
		Subscription weekly = alert("w1", "a@example.org", Frequency.WEEKLY);
		Subscription elsewhere = alert("e1", "b@example.org", Frequency.INSTANT);
		// Tuesday 15 January 2030; the weekly digest waits for Monday the 21st
		List<Match> matches = List.of(match(quick, "v1", T), match(quicker, "v1", T.plusSeconds(60)),
				match(quicker, "v2", T.plusSeconds(300)), match(elsewhere, "v1", T.plusSeconds(60)),
				match(daily, "v1", T.plusSeconds(60)), match(daily, "v3", T.plusSeconds(60)),
				match(weekly, "v3", T.plusSeconds(60)));

		assertThat(this.oracle.emails(matches, Map.of(), london(2030, 1, 21, 8, 0))).containsExactly(
				new ExpectedEmail("a@example.org", Set.of("q1", "q2"), T.plusSeconds(1200), Set.of("v1", "v2")),
				new ExpectedEmail("b@example.org", Set.of("e1"), T.plusSeconds(1260), Set.of("v1")),
				new ExpectedEmail("a@example.org", Set.of("d1"), london(2030, 1, 15, 7, 0), Set.of("v1", "v3")),
				new ExpectedEmail("a@example.org", Set.of("w1"), london(2030, 1, 21, 7, 0), Set.of("v3")));
	}

	@Test
	void aMondaysDailyAndWeeklyDigestsOfAnAddressAreOneEmail() {
		Subscription daily = alert("d1", "a@example.org", Frequency.DAILY);
		Subscription weekly = alert("w1", "a@example.org", Frequency.WEEKLY);
		Instant sunday = london(2030, 1, 20, 12, 0);
		List<Match> matches = List.of(match(daily, "v1", sunday), match(weekly, "v1", sunday),
				match(weekly, "v2", sunday));

		assertThat(this.oracle.emails(matches, Map.of(), london(2030, 1, 22, 0, 0))).containsExactly(
				new ExpectedEmail("a@example.org", Set.of("d1", "w1"), london(2030, 1, 21, 7, 0), Set.of("v1", "v2")));
	}

	private static Subscription alert(String alertId, String address, Frequency frequency) {
		return new Subscription(alertId, address, frequency, AlertStatus.ACTIVE, AlertCriteria.any(),
				T.minusSeconds(60));
	}

	private static Subscription alert(Frequency frequency) {
		return new Subscription("a1", "a@example.org", frequency, AlertStatus.ACTIVE, AlertCriteria.any(),
				T.minusSeconds(60));
	}

	private static Match match(Subscription alert, String vacancyId, Instant at) {
		return match(alert, vacancyId, at, LocalDate.of(2030, 12, 31));
	}

	private static Match match(Subscription alert, String vacancyId, Instant at, LocalDate closingDate) {
		return new Match(alert,
				Posting.of(vacancyId, "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, "NR4 7UY", closingDate),
				at);
	}

	private static Instant london(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(MatchOracle.LONDON).toInstant();
	}

}
