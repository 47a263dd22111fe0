package uk.nhsjob.testsupport.oracle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Specialty;

import static org.assertj.core.api.Assertions.assertThat;

class AppendTimeOracleTests {

	private static final LocalDate TODAY = LocalDate.of(2030, 1, 15);

	private static final Instant T = Instant.parse("2030-01-15T10:00:00Z");

	private static final Duration GRACE = Duration.ofSeconds(5);

	private final AppendTimeOracle oracle = new AppendTimeOracle(new MatchOracle(Centroids.of(Map.of(), Map.of())),
			(moment) -> TODAY, GRACE);

	private final List<Revision> revisions = new ArrayList<>();

	@Test
	void owesEveryMatchingVacancyAppendedAfterTheAlertBecameActiveOnce() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(60, AlertStatus.ACTIVE));
		appended("s:1", 30, true);
		appended("s:2", 61, true);
		appended("s:2", 90, true);
		appended("s:3", 120, false);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		assertThat(expected.owed()).containsOnlyKeys(new Pair("a", "s:2"))
			.containsEntry(new Pair("a", "s:2"), T.plusSeconds(61));
		assertThat(expected.either()).isEmpty();
		assertThat(expected.welcomes()).singleElement()
			.satisfies((welcome) -> assertThat(welcome.counted()).containsExactly("s:1"));
	}

	@Test
	void aVacancyCountedInTheWelcomeSetIsNeverOwedAgain() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(60, AlertStatus.ACTIVE));
		appended("s:1", 30, true);
		appended("s:1", 90, true);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		assertThat(expected.owed()).isEmpty();
		assertThat(expected.welcomes().get(0).counted()).containsExactly("s:1");
	}

	@Test
	void aRevisionThatNewlyMatchesAfterAnEditIsOwedOneThatNoLongerDoesIsNot() {
		AlertCriteria cardiology = AlertCriteria.any().specialties(Specialty.CARDIOLOGY);
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(10, AlertStatus.ACTIVE),
				new AlertState(T.plusSeconds(100), AlertStatus.ACTIVE, cardiology));
		appended("s:1", 50, true);
		this.revisions.add(new Revision(posting("s:2").specialties(Specialty.CARDIOLOGY), true, T.plusSeconds(150)));
		appended("s:3", 150, true);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		assertThat(expected.owed()).containsOnlyKeys(new Pair("a", "s:1"), new Pair("a", "s:2"));
	}

	@Test
	void afterAPauseNothingIsOwedAndWithinTheGraceEitherIsRight() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(10, AlertStatus.ACTIVE),
				state(100, AlertStatus.PAUSED));
		appended("s:1", 102, true);
		appended("s:2", 200, true);
		appended("s:3", 98, true);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		assertThat(expected.owed()).isEmpty();
		assertThat(expected.either()).containsExactlyInAnyOrder(new Pair("a", "s:1"), new Pair("a", "s:3"));
	}

	@Test
	void aVacancyAppendedJustBeforeTheConfirmationMayOrMayNotBeInTheWelcomeSet() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(60, AlertStatus.ACTIVE));
		appended("s:1", 58, true);
		appended("s:1", 80, true);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		ExpectedWelcome welcome = expected.welcomes().get(0);
		assertThat(welcome.counted()).isEmpty();
		assertThat(welcome.uncertain()).containsExactly("s:1");
		assertThat(welcome.accepts(java.util.Set.of("s:1"), 1, java.util.Set.of())).isTrue();
		assertThat(welcome.accepts(java.util.Set.of(), 0, java.util.Set.of())).isTrue();
		assertThat(welcome.accepts(java.util.Set.of("s:9"), 1, java.util.Set.of())).isFalse();
		assertThat(expected.owed()).isEmpty();
		assertThat(expected.either()).containsExactly(new Pair("a", "s:1"));
	}

	/**
	 * Appended in the same millisecond as the confirmation's profile record: the matcher
	 * may have built the welcome set after it or before.
	 */
	@Test
	void aVacancyAppendedInTheSameMillisecondAsTheConfirmationMayBeInTheWelcomeSetOrComeAsAMatch() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(60, AlertStatus.ACTIVE));
		appended("s:1", 60, true);

		Expectation expected = this.oracle.expect(List.of(alert), this.revisions);

		ExpectedWelcome welcome = expected.welcomes().get(0);
		assertThat(welcome.uncertain()).containsExactly("s:1");
		assertThat(welcome.accepts(java.util.Set.of("s:1"), 1, java.util.Set.of())).isTrue();
		assertThat(welcome.accepts(java.util.Set.of(), 0, java.util.Set.of())).isTrue();
		assertThat(expected.owed()).isEmpty();
		assertThat(expected.either()).containsExactly(new Pair("a", "s:1"));
	}

	@Test
	void anErasedAlertIsOwedNothingMore() {
		AlertHistory alert = alert(state(0, AlertStatus.PENDING_CONFIRMATION), state(10, AlertStatus.ACTIVE),
				state(100, null));
		appended("s:1", 200, true);

		assertThat(this.oracle.expect(List.of(alert), this.revisions).owed()).isEmpty();
	}

	private AlertHistory alert(AlertState... states) {
		return new AlertHistory("a", "a@example.org", Frequency.INSTANT, List.of(states));
	}

	private static AlertState state(int second, AlertStatus status) {
		return new AlertState(T.plusSeconds(second), status, AlertCriteria.any());
	}

	private void appended(String id, int second, boolean open) {
		this.revisions.add(new Revision(posting(id), open, T.plusSeconds(second)));
	}

	private static Posting posting(String id) {
		return Posting.of(id, "Medical Secretary", "Typing.", EmployerType.NHS_TRUST, null, TODAY.plusDays(10));
	}

}
