package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.Frequency;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingRuleTests {

	private final CoalescingRule rule = new CoalescingRule(Duration.ofSeconds(30));

	private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	@Test
	void anInstantMatchIsDueAtTheEndOfItsWindowAndADigestOneAtTheNextRun() {
		assertThat(this.rule.dueAt(Frequency.INSTANT, Instant.parse("2028-03-27T05:59:50Z")))
			.isEqualTo(Instant.parse("2028-03-27T06:00:20Z"));
		// Sunday 26 March 2028 is the day the clocks go forward: Monday's 07:00 is BST
		assertThat(this.rule.dueAt(Frequency.DAILY, Instant.parse("2028-03-26T11:00:00Z")))
			.isEqualTo(Instant.parse("2028-03-27T06:00:00Z"));
		assertThat(this.rule.dueAt(Frequency.WEEKLY, Instant.parse("2028-03-23T12:00:00Z")))
			.isEqualTo(Instant.parse("2028-03-27T06:00:00Z"));
		assertThat(this.rule.dueBy(NOW)).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void aNewEmailGoesOnceItsEarliestEntryIsDueAndTakesTheAlertsLaterOnesWithIt() {
		List<PlannedEmail> planned = this.rule.plan(List.of(pending("a", "v1", NOW.minusSeconds(1), null),
				pending("b", "v2", NOW.plusSeconds(5), null), pending("a", "v3", NOW.plusSeconds(10), null)), NOW, 10);

		assertThat(planned).singleElement().satisfies((email) -> {
			assertThat(email.isNew()).isTrue();
			assertThat(email.alertId()).isEqualTo("a");
			assertThat(email.offered()).extracting(Delivery::item).containsExactly("v1", "v3");
		});
	}

	@Test
	void aWelcomeWaitsForItsOwnEntryWhichIsRecordedAfterItsVacancies() {
		Delivery vacancy = pending("a", "v1", NOW, DeliveryLedger.WELCOME);

		assertThat(this.rule.plan(List.of(vacancy), NOW, 10)).isEmpty();
		assertThat(this.rule.plan(List.of(vacancy, pending("a", DeliveryLedger.WELCOME, NOW, DeliveryLedger.WELCOME)),
				NOW, 10))
			.singleElement()
			.satisfies((email) -> assertThat(email.email()).isEqualTo(DeliveryLedger.WELCOME));
	}

	@Test
	void anEmailLeftSendingIsPlannedAgainUnderItsKeyApartFromTheAlertsNewMatches() {
		Delivery stuck = entry("a", "v1", DeliveryState.SENDING, NOW.minusSeconds(600), "email/r1");

		List<PlannedEmail> planned = this.rule.plan(List.of(stuck, pending("a", "v2", NOW, null)), NOW, 10);

		assertThat(planned).extracting(PlannedEmail::email).containsExactly("email/r1", null);
	}

	@Test
	void takesNoMoreEmailsThanTheBatch() {
		assertThat(this.rule.plan(
				List.of(pending("a", "v1", NOW, null), pending("b", "v2", NOW, null), pending("c", "v3", NOW, null)),
				NOW, 2))
			.extracting(PlannedEmail::alertId)
			.containsExactly("a", "b");
	}

	@Test
	void anAddresssPendingEntriesOfOneKindShareOneEmailWhatEverTheirAlert() {
		List<Delivery> candidates = List.of(pending("a", "v1", NOW.minusSeconds(1), null),
				pending("b", "v2", NOW, null), pending("c", "v3", NOW, null), pending("d", "v4", NOW, null));
		Map<String, String> inboxes = Map.of("a", "address-1/digest", "b", "address-1/digest", "c",
				"address-1/instant");

		List<PlannedEmail> planned = this.rule.plan(candidates, NOW, 10, inboxes::get);

		assertThat(planned).extracting(PlannedEmail::inbox)
			.containsExactly("address-1/digest", "address-1/instant", null);
		assertThat(planned.get(0).alertIds()).containsExactly("a", "b");
		assertThat(planned).allMatch(PlannedEmail::isNew);
	}

	private static Delivery pending(String alertId, String item, Instant dueAt, @Nullable String email) {
		return entry(alertId, item, DeliveryState.PENDING, dueAt, email);
	}

	private static Delivery entry(String alertId, String item, DeliveryState state, Instant dueAt,
			@Nullable String email) {
		return new Delivery(DeliveryLedger.idOf(alertId, item), alertId, item, email, null, state, null, null, dueAt, 0,
				null, null, dueAt, dueAt, null, null, null, null);
	}

}
