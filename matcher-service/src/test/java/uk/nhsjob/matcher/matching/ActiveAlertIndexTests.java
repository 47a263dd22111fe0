package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index as the profile stream builds it: which record wins, and from when an alert is
 * matched (docs/matching.md, "Several instances").
 */
class ActiveAlertIndexTests {

	private static final Instant T = Instant.parse("2026-06-02T09:00:00Z");

	private static final Duration RETENTION = Duration.ofMinutes(15);

	private static PostcodeDirectory postcodes;

	private final UUID alert = UUID.randomUUID();

	private final Vacancy vacancy = Vacancies.vacancy("s:1").description("phlebotomy").build();

	private final Vacancy radiography = Vacancies.vacancy("s:2").description("radiography").build();

	private ActiveAlertIndex index;

	@BeforeAll
	static void loadPostcodes() {
		postcodes = PostcodeDirectory.load();
	}

	@BeforeEach
	void newIndex() {
		this.index = new ActiveAlertIndex(postcodes,
				new TopicReadingSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), RETENTION));
	}

	@Test
	void anActivatingRecordMatchesVacanciesAppendedAfterItsOwnAppendTime() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		assertThat(matched(T.plusMillis(1))).containsExactly(this.alert.toString());
		assertThat(matched(T)).isEmpty();
		assertThat(matched(T.minusSeconds(1))).isEmpty();
	}

	@Test
	void aLaterRecordCarryingTheMomentKeepsIt() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "phlebotomy", T), T.plusSeconds(60));
		assertThat(matched(T.plusSeconds(1))).containsExactly(this.alert.toString());
	}

	@Test
	void aLowerRevisionIsIgnored() {
		this.index.apply(this.alert, profile(3, AlertStatus.PAUSED, "phlebotomy", null), T);
		assertThat(this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "phlebotomy", null), T.plusSeconds(1)))
			.isFalse();
		assertThat(matched(T.plusSeconds(5))).isEmpty();
	}

	@Test
	void theSameRevisionAgainIsApplied() {
		// a version-1 record has no criteria; the republished version-2 one of the same
		// revision has
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, (ProfileCriteria) null, null), T);
		assertThat(matched(T.plusSeconds(5))).isEmpty();
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "phlebotomy", null), T.plusSeconds(1));
		assertThat(matched(T.plusSeconds(5))).containsExactly(this.alert.toString());
	}

	@Test
	void anyOtherStatusTakesTheAlertOut() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.UNSUBSCRIBED, "phlebotomy", null), T.plusSeconds(1));
		assertThat(matched(T.plusSeconds(5))).isEmpty();
		assertThat(this.index.size()).isZero();
	}

	@Test
	void aTombstoneTakesTheAlertOutForGood() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, null, T.plusSeconds(1));
		assertThat(this.index.apply(this.alert, profile(9, AlertStatus.ACTIVE, "phlebotomy", null), T.plusSeconds(2)))
			.isFalse();
		assertThat(matched(T.plusSeconds(5))).isEmpty();
	}

	@Test
	void anErasedAlertIsForgottenOnceItsTombstoneCouldNoLongerBeRead() {
		Duration lifetime = TopicDeclarations.PROFILE_TOMBSTONE_LIFETIME;
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, null, T.plusSeconds(1));

		this.index.apply(UUID.randomUUID(), null, T.plus(lifetime));
		assertThat(this.index.alertsHeardOf()).isEqualTo(2);
		assertThat(this.index.apply(this.alert, profile(9, AlertStatus.ACTIVE, "phlebotomy", null), T.plus(lifetime)))
			.isFalse();

		this.index.apply(UUID.randomUUID(), null, T.plus(lifetime).plusSeconds(2));
		assertThat(this.index.alertsHeardOf()).isEqualTo(2);
	}

	@Test
	void resumingMatchesOnlyFromTheResumingRecord() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.PAUSED, "phlebotomy", null), T.plusSeconds(10));
		this.index.apply(this.alert, profile(3, AlertStatus.ACTIVE, "phlebotomy", null), T.plusSeconds(20));
		assertThat(matched(T.plusSeconds(15))).isEmpty();
		assertThat(matched(T.plusSeconds(21))).containsExactly(this.alert.toString());
	}

	@Test
	void criteriaTheIndexRefusesPutNothingIn() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		ProfileCriteria outOfRange = new ProfileCriteria(List.of(), null, null, "LS6", 500, false, List.of(), List.of(),
				List.of(), List.of(), null, null);
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, outOfRange, null), T.plusSeconds(1));
		assertThat(this.index.size()).isZero();
	}

	@Test
	void aVacancyAppendedBeforeACriteriaChangeIsJudgedByTheCriteriaInForceThen() {
		// the profile reader has applied the change before the vacancy is matched
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "radiography", null), T.plusSeconds(10));

		assertThat(matched(T.plusSeconds(5))).containsExactly(this.alert.toString());
		assertThat(matched(this.radiography, T.plusSeconds(5))).isEmpty();
		assertThat(matched(T.plusSeconds(15))).isEmpty();
		assertThat(matched(this.radiography, T.plusSeconds(15))).containsExactly(this.alert.toString());
		assertThat(this.index.size()).isOne();
	}

	@Test
	void aVacancyAppendedBeforeAPauseOrAnUnsubscribeIsStillMatched() {
		UUID unsubscribing = this.alert;
		this.index.apply(unsubscribing, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(unsubscribing, profile(2, AlertStatus.UNSUBSCRIBED, "phlebotomy", null), T.plusSeconds(10));

		assertThat(matched(T.plusSeconds(5))).containsExactly(unsubscribing.toString());
		assertThat(matched(T.plusSeconds(10))).containsExactly(unsubscribing.toString());
		assertThat(matched(T.plusSeconds(11))).isEmpty();
		assertThat(matched(T)).isEmpty();
		assertThat(this.index.size()).isZero();
	}

	@Test
	void aVacancyBetweenAPauseAndTheResumeIsNotMatched() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.PAUSED, "phlebotomy", null), T.plusSeconds(10));
		this.index.apply(this.alert, profile(3, AlertStatus.ACTIVE, "phlebotomy", null), T.plusSeconds(20));

		assertThat(matched(T.plusSeconds(5))).containsExactly(this.alert.toString());
		assertThat(matched(T.plusSeconds(15))).isEmpty();
		assertThat(matched(T.plusSeconds(25))).containsExactly(this.alert.toString());
	}

	@Test
	void anAlertInForceByTwoVersionsAtOnceIsMatchedOnce() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "phlebotomy", T.plusSeconds(2)), T.plusSeconds(10));

		assertThat(matched(T.plusSeconds(5))).containsExactly(this.alert.toString());
	}

	@Test
	void anErasedAlertIsNotMatchedByAnEarlierVersion() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.ACTIVE, "radiography", null), T.plusSeconds(10));
		this.index.apply(this.alert, null, T.plusSeconds(20));

		assertThat(matched(T.plusSeconds(5))).isEmpty();
		assertThat(matched(this.radiography, T.plusSeconds(15))).isEmpty();
	}

	@Test
	void aSupersededVersionIsForgottenOnceTheReaderIsTheRetentionPastIt() {
		this.index.apply(this.alert, profile(1, AlertStatus.ACTIVE, "phlebotomy", null), T);
		this.index.apply(this.alert, profile(2, AlertStatus.PAUSED, "phlebotomy", null), T.plusSeconds(10));

		this.index.apply(UUID.randomUUID(), null, T.plusSeconds(10).plus(RETENTION));
		assertThat(matched(T.plusSeconds(5))).containsExactly(this.alert.toString());

		this.index.apply(UUID.randomUUID(), null, T.plusSeconds(10).plus(RETENTION).plusMillis(1));
		assertThat(matched(T.plusSeconds(5))).isEmpty();
	}

	private List<String> matched(Instant appendedAt) {
		return matched(this.vacancy, appendedAt);
	}

	private List<String> matched(Vacancy vacancy, Instant appendedAt) {
		return this.index.matching(vacancy, appendedAt).stream().map(MatchIndex.IndexMatch::alertId).toList();
	}

	private AlertProfileChanged profile(long revision, AlertStatus status, @Nullable String keywords,
			@Nullable Instant matchingSince) {
		ProfileCriteria criteria = (keywords != null) ? new ProfileCriteria(List.of(), null, null, null, null, false,
				List.of(), List.of(), List.of(), List.of(), null, keywords) : null;
		return profile(revision, status, criteria, matchingSince);
	}

	private AlertProfileChanged profile(long revision, AlertStatus status, @Nullable ProfileCriteria criteria,
			@Nullable Instant matchingSince) {
		return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, T, this.alert.toString(),
				revision, "someone@example.org", status, Frequency.INSTANT, "jobs", 1, "https://a.example/c",
				"https://a.example/m", "https://a.example/u", criteria, true, matchingSince);
	}

}
