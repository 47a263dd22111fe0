package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Specialty;

import static org.assertj.core.api.Assertions.assertThat;

class MatchOracleTests {

	private static final LocalDate TODAY = LocalDate.of(2030, 1, 15);

	private static final Instant NOON = Instant.parse("2030-01-15T12:00:00Z");

	/**
	 * Two sectors 9.9 miles apart, on a meridian: 1/7 of a degree of latitude each mile
	 * or so.
	 */
	private final MatchOracle oracle = new MatchOracle(Centroids.of(
			Map.of("AB1 1", new Centroids.Place(52.0, 1.0), "AB2 2", new Centroids.Place(52.0 + 9.9 / 69.09, 1.0)),
			Map.of()));

	@Test
	void aVacancyClosingTodayStillCountsOneClosedYesterdayDoesNot() {
		assertThat(this.oracle.matches(alert(AlertCriteria.any()), vacancy().closing(TODAY), TODAY)).isTrue();
		assertThat(this.oracle.matches(alert(AlertCriteria.any()), vacancy().closing(TODAY.minusDays(1)), TODAY))
			.isFalse();
	}

	@Test
	void anAlertIsOwedAJobOnceWhicheverCopyMatchesFirst() {
		Subscription alert = alert(AlertCriteria.any());
		Posting first = vacancy();
		Posting copy = Posting.of("other:9", "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, "AB2 2AA",
				TODAY.plusDays(5));
		Posting another = Posting.of("s:2", "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, "AB2 2AA",
				TODAY.plusDays(5));
		List<Match> matches = this.oracle.matches(List.of(alert), List.of(new Publication(copy, NOON),
				new Publication(first, NOON.plusSeconds(1)), new Publication(another, NOON.plusSeconds(2))), Map.of());
		assertThat(matches).hasSize(3);

		List<Match> owed = MatchOracle.oncePerJob(matches, (id) -> id.equals("other:9") ? "s:1" : id);

		assertThat(owed).extracting((match) -> match.posting().id()).containsExactly("other:9", "s:2");
	}

	@Test
	void onlyAnActiveAlertMatches() {
		assertThat(this.oracle.matches(alert(AlertCriteria.any()).withStatus(AlertStatus.PAUSED), vacancy(), TODAY))
			.isFalse();
	}

	@Test
	void bandRangesOverlapAndAVacancyWithoutABandIsNotExcluded() {
		AlertCriteria fourToFive = AlertCriteria.any().bands(Band.BAND_4, Band.BAND_5);
		assertThat(this.oracle.matches(alert(fourToFive), vacancy().bands(Band.BAND_3, Band.BAND_4), TODAY)).isTrue();
		assertThat(this.oracle.matches(alert(fourToFive), vacancy().bands(Band.BAND_2, Band.BAND_3), TODAY)).isFalse();
		assertThat(this.oracle.matches(alert(fourToFive), vacancy().band(Band.BAND_6), TODAY)).isFalse();
		assertThat(this.oracle.matches(alert(fourToFive), vacancy(), TODAY)).isTrue();
	}

	@Test
	void theRadiusIsInclusiveAndARemoteVacancyNeedsIncludeRemote() {
		assertThat(this.oracle.matches(alert(AlertCriteria.near("AB1 1AA", 10)), vacancy(), TODAY)).isTrue();
		assertThat(this.oracle.matches(alert(AlertCriteria.near("AB1 1AA", 9)), vacancy(), TODAY)).isFalse();
		Posting remote = vacancy().remote(RemoteWorking.REMOTE);
		assertThat(this.oracle.matches(alert(AlertCriteria.near("AB1 1AA", 1)), remote, TODAY)).isFalse();
		assertThat(this.oracle.matches(alert(AlertCriteria.near("AB1 1AA", 1).includingRemote()), remote, TODAY))
			.isTrue();
		Posting hybrid = vacancy().remote(RemoteWorking.HYBRID);
		assertThat(this.oracle.matches(alert(AlertCriteria.near("AB1 1AA", 9).includingRemote()), hybrid, TODAY))
			.isFalse();
	}

	@Test
	void aMinimumSalaryIsComparedWithTheFullTimeYearAndNoSalaryIsNotExcluded() {
		AlertCriteria atLeast = AlertCriteria.any().minSalary(31286);
		assertThat(this.oracle.matches(alert(atLeast), vacancy().pay(Pay.perHour(16)), TODAY)).isFalse();
		assertThat(this.oracle.matches(alert(atLeast), vacancy().pay(Pay.perYear(31286)), TODAY)).isTrue();
		assertThat(this.oracle.matches(alert(atLeast), vacancy(), TODAY)).isTrue();
	}

	@Test
	void aSpecialtyFilterExcludesAVacancyWithoutOne() {
		AlertCriteria cardiology = AlertCriteria.any().specialties(Specialty.CARDIOLOGY);
		assertThat(this.oracle.matches(alert(cardiology), vacancy(), TODAY)).isFalse();
		assertThat(this.oracle.matches(alert(cardiology), vacancy().specialties(Specialty.CARDIOLOGY), TODAY)).isTrue();
	}

	@Test
	void eachPairOnceAndOnlyForVacanciesPublishedAfterTheAlertWentLive() {
		Subscription alert = alert(AlertCriteria.any());
		Posting first = vacancy();
		Posting before = Posting.of("s:2", "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, "AB2 2AA",
				TODAY.plusDays(5));
		List<Match> matches = this.oracle.matches(List.of(alert),
				List.of(new Publication(first, NOON), new Publication(first, NOON.plusSeconds(60)),
						new Publication(before, alert.activeSince().minusSeconds(1))),
				Map.of());

		assertThat(MatchOracle.pairsOf(matches)).containsExactly(new Pair("a1", "s:1"));
		assertThat(matches).singleElement().extracting(Match::at).isEqualTo(NOON);
	}

	private static Subscription alert(AlertCriteria criteria) {
		return new Subscription("a1", "a@example.org", Frequency.INSTANT, AlertStatus.ACTIVE, criteria,
				NOON.minusSeconds(3600));
	}

	private static Posting vacancy() {
		return Posting.of("s:1", "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, "AB2 2AA", TODAY.plusDays(5));
	}

}
