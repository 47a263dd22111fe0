package uk.nhsjob.testsupport.oracle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTallyTests {

	private static final Instant T = Instant.parse("2030-01-15T10:00:00Z");

	private static final Map<Instant, String> PHASES = Map.of(T, "round 1", T.plusSeconds(100), "round 2");

	private final Expectation expected = new Expectation(
			Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("a", "v2"), T.plusSeconds(110)),
			Set.of(new Pair("a", "v9")),
			List.of(new ExpectedWelcome("a", "a@example.org", T.plusSeconds(5), Set.of("v0"), Set.of())));

	@Test
	void everythingOwedOnceIsExact() {
		DeliveryTally tally = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), email("m1", Set.of("v1")), email("m2", Set.of("v2", "v9"))),
				Duration.ofSeconds(60));

		assertThat(tally.isExact()).as(tally.problems().toString()).isTrue();
		assertThat(tally.sameMessageIdDuplicates()).isZero();
		assertThat(tally.table()).contains("round 1", "round 2", "total");
	}

	@Test
	void aListingLostOrSentUnderAnotherMessageIdOrNotOwedIsNotExact() {
		assertThat(new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), email("m1", Set.of("v1"))), Duration.ofSeconds(60))
			.isExact()).isFalse();
		assertThat(new DeliveryTally(PHASES, this.expected, List.of(welcome("w", Set.of("v0"), 1),
				email("m1", Set.of("v1")), email("m2", Set.of("v2")), email("m3", Set.of("v2"))),
				Duration.ofSeconds(60))
			.isExact()).isFalse();
		assertThat(new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), email("m1", Set.of("v1")), email("m2", Set.of("v2", "v7"))),
				Duration.ofSeconds(60))
			.isExact()).isFalse();
	}

	@Test
	void theSameEmailTwiceUnderItsMessageIdIsCountedApart() {
		DeliveryTally tally = new DeliveryTally(PHASES, this.expected, List.of(welcome("w", Set.of("v0"), 1),
				email("m1", Set.of("v1")), email("m2", Set.of("v2")), email("m2", Set.of("v2"))),
				Duration.ofSeconds(60));

		assertThat(tally.isExact()).isTrue();
		assertThat(tally.sameMessageIdDuplicates()).isOne();
	}

	@Test
	void eachPhaseCountsWhatWasLostDoubledAndNotOwedInItself() {
		DeliveryTally tally = new DeliveryTally(PHASES, this.expected, List.of(welcome("w", Set.of("v0"), 1),
				email("m2", Set.of("v2", "v7")), email("m2", Set.of("v2")), email("m3", Set.of("v2"))),
				Duration.ofSeconds(60));

		assertThat(tally.counts().get("round 1")).isEqualTo(new DeliveryTally.Counts(1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0));
		assertThat(tally.counts().get("round 2")).isEqualTo(new DeliveryTally.Counts(1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0));
		assertThat(tally.totals()).isEqualTo(new DeliveryTally.Counts(2, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0));
	}

	@Test
	void aWelcomeSetListingWhatItDoesNotCountIsWrong() {
		DeliveryTally tally = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v1"), 1), email("m1", Set.of("v1")), email("m2", Set.of("v2"))),
				Duration.ofSeconds(60));

		assertThat(tally.isExact()).isFalse();
	}

	@Test
	void aVacancyNearTheConfirmationComesOnceInTheWelcomeEmailOrInALaterOne() {
		DeliveryTally inTheWelcome = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0", "v1"), 2), email("m2", Set.of("v2"))), Duration.ofSeconds(60));
		DeliveryTally asAMatch = new DeliveryTally(PHASES, this.expected, List.of(welcome("w", Set.of(), 0),
				email("m0", Set.of("v0")), email("m1", Set.of("v1")), email("m2", Set.of("v2"))),
				Duration.ofSeconds(60));
		DeliveryTally inBoth = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0", "v1"), 2), email("m1", Set.of("v1")), email("m2", Set.of("v2"))),
				Duration.ofSeconds(60));

		assertThat(inTheWelcome.isExact()).as(inTheWelcome.problems().toString()).isTrue();
		assertThat(asAMatch.isExact()).as(asAMatch.problems().toString()).isTrue();
		assertThat(inBoth.isExact()).isFalse();
	}

	@Test
	void aVacancyWhereEitherIsRightMayComeInTheWelcomeEmailButOnlyOnce() {
		DeliveryTally inTheWelcome = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0", "v9"), 2), email("m1", Set.of("v1")), email("m2", Set.of("v2"))),
				Duration.ofSeconds(60));
		DeliveryTally inBoth = new DeliveryTally(PHASES, this.expected, List.of(welcome("w", Set.of("v0", "v9"), 2),
				email("m1", Set.of("v1")), email("m2", Set.of("v2", "v9"))), Duration.ofSeconds(60));

		assertThat(inTheWelcome.isExact()).as(inTheWelcome.problems().toString()).isTrue();
		assertThat(inBoth.isExact()).isFalse();
	}

	@Test
	void aReminderIsNoListingButMustFollowOneAndComeOnce() {
		ReceivedEmail first = email("m1", Set.of("v1"));
		ReceivedEmail reminding = new ReceivedEmail("a", "m2", false, Set.of("v2"), 1, T.plusSeconds(200),
				Set.of("v1"));
		ReceivedEmail remindingAgain = new ReceivedEmail("a", "m3", false, Set.of("v9"), 1, T.plusSeconds(300),
				Set.of("v1"));
		ReceivedEmail remindingOfWhatWasNeverSent = new ReceivedEmail("a", "m2", false, Set.of("v2"), 1,
				T.plusSeconds(200), Set.of("v7"));

		DeliveryTally once = new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), first, reminding, reminding), Duration.ofSeconds(60));
		assertThat(once.isExact()).as(once.problems().toString()).isTrue();
		assertThat(new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), first, reminding, remindingAgain), Duration.ofSeconds(60))
			.isExact()).isFalse();
		assertThat(new DeliveryTally(PHASES, this.expected,
				List.of(welcome("w", Set.of("v0"), 1), first, remindingOfWhatWasNeverSent), Duration.ofSeconds(60))
			.isExact()).isFalse();
	}

	/**
	 * An email of two alerts of one address lists a vacancy both matched once: it counts
	 * for each of them; a vacancy neither is owed is still not owed.
	 */
	@Test
	void anEmailOfSeveralAlertsCountsAVacancyListedOnceForEachAlertOwedIt() {
		Expectation owedToBoth = new Expectation(Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("b", "v1"),
				T.plusSeconds(10), new Pair("b", "v2"), T.plusSeconds(10)), Set.of(), List.of());
		ReceivedEmail both = new ReceivedEmail("a", "m1", false, Set.of("v1", "v2"), 2, T.plusSeconds(40), Set.of(),
				Set.of("a", "b"));

		DeliveryTally tally = new DeliveryTally(PHASES, owedToBoth, List.of(both), Duration.ofSeconds(60));

		assertThat(tally.isExact()).as(tally.problems().toString()).isTrue();
		assertThat(tally.totals().owed()).isEqualTo(3);
		assertThat(new DeliveryTally(PHASES, owedToBoth, List.of(new ReceivedEmail("a", "m1", false,
				Set.of("v1", "v2", "v7"), 3, T.plusSeconds(40), Set.of(), Set.of("a", "b"))), Duration.ofSeconds(60))
			.isExact()).isFalse();
		assertThat(new DeliveryTally(PHASES, owedToBoth,
				List.of(new ReceivedEmail("a", "m1", false, Set.of("v1", "v2"), 2, T.plusSeconds(40))),
				Duration.ofSeconds(60))
			.isExact()).as("an email of alert a alone does not pay b's").isFalse();
	}

	/**
	 * Alert b's match of v1 came after the address had v1 under alert a: the notifier
	 * does not send it again, and the tally counts b's listing as received with a's
	 * email, but only for an alert of the same inbox.
	 */
	@Test
	void aVacancyTheAddressHadUnderAnotherAlertCountsAsReceivedForAnAlertOfTheSameInbox() {
		Expectation owedToBoth = new Expectation(
				Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("b", "v1"), T.plusSeconds(50)), Set.of(),
				List.of());
		ReceivedEmail toA = new ReceivedEmail("a", "m1", false, Set.of("v1"), 1, T.plusSeconds(40));
		Map<String, String> inboxes = Map.of("a", "x@example.org", "b", "x@example.org", "c", "y@example.org");

		DeliveryTally sameInbox = new DeliveryTally(PHASES, owedToBoth, List.of(toA), Duration.ofSeconds(60),
				inboxes::get);
		assertThat(sameInbox.isExact()).as(sameInbox.problems().toString()).isTrue();
		assertThat(sameInbox.totals().owed()).isEqualTo(2);

		Expectation owedToAnotherAddress = new Expectation(
				Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("c", "v1"), T.plusSeconds(50)), Set.of(),
				List.of());
		DeliveryTally otherInbox = new DeliveryTally(PHASES, owedToAnotherAddress, List.of(toA), Duration.ofSeconds(60),
				inboxes::get);
		assertThat(otherInbox.isExact()).isFalse();
		assertThat(otherInbox.totals().lost()).isOne();
	}

	/**
	 * Alert a had v1 in its welcome email; a later email of alerts a and b lists v1 (for
	 * b, which matched it since): it is b's listing, not a second one for a. Were b not
	 * owed v1, it would be a's second.
	 */
	@Test
	void aVacancyAnAlertHadBeforeListedInAnEmailOfItAndAnotherAlertIsTheOtherAlerts() {
		Expectation expected = new Expectation(Map.of(new Pair("b", "v1"), T.plusSeconds(50)), Set.of(),
				List.of(new ExpectedWelcome("a", "x@example.org", T.plusSeconds(5), Set.of("v1"), Set.of())));
		ReceivedEmail welcome = new ReceivedEmail("a", "w", true, Set.of("v1"), 1, T.plusSeconds(6));
		ReceivedEmail both = new ReceivedEmail("a", "m1", false, Set.of("v1"), 1, T.plusSeconds(60), Set.of(),
				Set.of("a", "b"));

		DeliveryTally tally = new DeliveryTally(PHASES, expected, List.of(welcome, both), Duration.ofSeconds(60));
		assertThat(tally.isExact()).as(tally.problems().toString()).isTrue();

		Expectation notOwedToB = new Expectation(Map.of(), Set.of(), expected.welcomes());
		assertThat(new DeliveryTally(PHASES, notOwedToB, List.of(welcome, both), Duration.ofSeconds(60)).isExact())
			.isFalse();
	}

	/**
	 * An email that lists one vacancy and says there is one more counts the earliest owed
	 * one it did not list as sent; one more owed is still lost.
	 */
	@Test
	void anEmailThatSaysItHasMoreThanItListsCountsTheEarliestNotListedAsSent() {
		Expectation owed = new Expectation(Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("a", "v2"),
				T.plusSeconds(20), new Pair("a", "v3"), T.plusSeconds(30)), Set.of(), List.of());
		ReceivedEmail twoOfThree = new ReceivedEmail("a", "m1", false, Set.of("v3"), 2, T.plusSeconds(40));

		DeliveryTally tally = new DeliveryTally(PHASES, owed, List.of(twoOfThree), Duration.ofSeconds(60));

		assertThat(tally.lost()).containsExactly(new Pair("a", "v2"));
		assertThat(tally.totals().owed()).isEqualTo(3);
		ReceivedEmail threeOfThree = new ReceivedEmail("a", "m1", false, Set.of("v3"), 3, T.plusSeconds(40));
		assertThat(new DeliveryTally(PHASES, owed, List.of(threeOfThree), Duration.ofSeconds(60)).isExact()).isTrue();
	}

	/**
	 * Alerts a and b of one address both match v1 and v2. Alert a's email lists v2 and
	 * says there are 2 ("And 1 more": v1); b's email, later, lists nothing it had before:
	 * the address had v1 counted under a, so b has it too. Another address's alert is not
	 * credited with it.
	 */
	@Test
	void aVacancyCountedAsMoreUnderOneAlertCountsAsReceivedForAnotherAlertOfTheSameInbox() {
		Expectation owed = new Expectation(Map.of(new Pair("a", "v1"), T.plusSeconds(10), new Pair("a", "v2"),
				T.plusSeconds(20), new Pair("b", "v1"), T.plusSeconds(30)), Set.of(), List.of());
		ReceivedEmail toA = new ReceivedEmail("a", "m1", false, Set.of("v2"), 2, T.plusSeconds(40));
		Map<String, String> inboxes = Map.of("a", "x@example.org", "b", "x@example.org", "c", "y@example.org");

		DeliveryTally sameInbox = new DeliveryTally(PHASES, owed, List.of(toA), Duration.ofSeconds(60), inboxes::get);

		assertThat(sameInbox.isExact()).as(sameInbox.problems().toString()).isTrue();
		assertThat(sameInbox.totals().owed()).isEqualTo(3);
		Expectation owedToAnotherAddress = new Expectation(Map.of(new Pair("a", "v1"), T.plusSeconds(10),
				new Pair("a", "v2"), T.plusSeconds(20), new Pair("c", "v1"), T.plusSeconds(30)), Set.of(), List.of());
		DeliveryTally otherInbox = new DeliveryTally(PHASES, owedToAnotherAddress, List.of(toA), Duration.ofSeconds(60),
				inboxes::get);
		assertThat(otherInbox.lost()).containsExactly(new Pair("c", "v1"));
	}

	/**
	 * One address, alerts a and b. An email of both says it has one job more than it
	 * lists, then an email of b alone says the same. Only a is owed v2; only b is owed
	 * v1, appended first. Taking each email's earliest owed job would give v1 to the
	 * first email and leave v2 with none: the one assignment that counts both gives v2 to
	 * the first and v1 to the second.
	 */
	@Test
	void jobsCountedAsMoreAreAssignedToTheEmailsSoThatAsManyCountAsCan() {
		Expectation owed = new Expectation(
				Map.of(new Pair("b", "v1"), T.plusSeconds(10), new Pair("a", "v2"), T.plusSeconds(20)), Set.of(),
				List.of());
		ReceivedEmail ofBoth = new ReceivedEmail("a", "m1", false, Set.of(), 1, T.plusSeconds(40), Set.of(),
				Set.of("a", "b"));
		ReceivedEmail ofB = new ReceivedEmail("b", "m2", false, Set.of(), 1, T.plusSeconds(50));
		Map<String, String> inboxes = Map.of("a", "x@example.org", "b", "x@example.org");

		DeliveryTally tally = new DeliveryTally(PHASES, owed, List.of(ofBoth, ofB), Duration.ofSeconds(60),
				inboxes::get);

		assertThat(tally.isExact()).as(tally.problems().toString()).isTrue();
		assertThat(tally.totals().owed()).isEqualTo(2);
	}

	/**
	 * An email of alerts b and c lists v1, owed to b; c may or may not have it in its
	 * welcome set, and its welcome email, later, lists it: the first listing is b's, the
	 * second c's, neither twice.
	 */
	@Test
	void anEmailOfSeveralAlertsListsAVacancyForTheAlertOwedItBeforeOneWhereEitherIsRight() {
		Expectation expected = new Expectation(Map.of(new Pair("b", "v1"), T.plusSeconds(10)),
				Set.of(new Pair("c", "v1")),
				List.of(new ExpectedWelcome("c", "x@example.org", T.plusSeconds(11), Set.of(), Set.of("v1"))));
		ReceivedEmail both = new ReceivedEmail("b", "m1", false, Set.of("v1"), 1, T.plusSeconds(40), Set.of(),
				Set.of("b", "c"));
		ReceivedEmail welcome = new ReceivedEmail("c", "w", true, Set.of("v1"), 1, T.plusSeconds(45));

		DeliveryTally tally = new DeliveryTally(PHASES, expected, List.of(both, welcome), Duration.ofSeconds(60));

		assertThat(tally.isExact()).as(tally.problems().toString()).isTrue();
	}

	private static ReceivedEmail email(String messageId, Set<String> vacancies) {
		return new ReceivedEmail("a", messageId, false, vacancies, vacancies.size(), T.plusSeconds(120));
	}

	private static ReceivedEmail welcome(String messageId, Set<String> vacancies, int total) {
		return new ReceivedEmail("a", messageId, true, vacancies, total, T.plusSeconds(6));
	}

}
