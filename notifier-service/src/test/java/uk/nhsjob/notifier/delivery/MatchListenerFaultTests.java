package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.platform.kafka.FailurePolicyProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** How the failure policy treats what the alert stream's listener throws. */
class MatchListenerFaultTests {

	private static final Instant NOW = Instant.parse("2028-03-01T12:00:00Z");

	private final RecipientRegistry recipients = mock(RecipientRegistry.class);

	private final DeliveryLedger ledger = mock(DeliveryLedger.class);

	private final MatchListener listener = new MatchListener(new AlertDelivery(this.recipients, this.ledger,
			new CoalescingRule(Duration.ZERO), new DefaultListableBeanFactory().getBeanProvider(DeliveryFaults.class),
			Clock.fixed(NOW, ZoneOffset.UTC), mock(ParkedMatches.class)));

	private final Alert alert = Alert.unique();

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aMatchWhoseAlertCannotBeLookedUpIsRetriedWithoutEnd(Exception fault) {
		given(this.recipients.find(any())).willThrow(fault);

		assertThat(outcomeOf(this.alert.matched(TestEvents.vacancy("Medical Secretary"))))
			.isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aMatchThatCannotBeRecordedOrParkedIsRetriedWithoutEnd(Exception fault) {
		VacancyMatched match = this.alert.matched(TestEvents.vacancy("Medical Secretary"));
		given(this.recipients.find(this.alert.alertId())).willReturn(Optional.of(activeRecipient()));
		given(this.ledger.record(any(), any(), any())).willThrow(fault);
		assertThat(outcomeOf(match)).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);

		given(this.recipients.find(this.alert.alertId())).willReturn(Optional.empty());
		given(this.ledger.park(any(), any(), any())).willThrow(fault);
		assertThat(outcomeOf(match)).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("incompleteMatches")
	void aMatchWithoutItsAlertOrVacancyIsDeadLetteredAtOnce(AlertMatch incomplete) {
		given(this.recipients.find(any())).willReturn(Optional.of(activeRecipient()));

		assertThat(outcomeOf(incomplete)).isEqualTo(FailurePolicyProbe.Outcome.DEAD_LETTERED_AT_ONCE);
	}

	@SuppressWarnings("DataFlowIssue") // records as hostile JSON may leave them
	static List<AlertMatch> incompleteMatches() {
		String alertId = "alert-" + UUID.randomUUID();
		return List.of(new VacancyMatched(UUID.randomUUID(), 1, NOW, alertId, UUID.randomUUID(), null),
				new VacancyMatched(UUID.randomUUID(), 1, NOW, null, UUID.randomUUID(),
						TestEvents.vacancy("Medical Secretary")),
				new WelcomeSetMatched(UUID.randomUUID(), 1, NOW, alertId,
						List.of(TestEvents.vacancy(null, "Medical Secretary", "https://jobs.example.nhs.uk/apply/1")),
						3));
	}

	private FailurePolicyProbe.Outcome outcomeOf(AlertMatch match) {
		return FailurePolicyProbe.outcomeOf(catchException(() -> this.listener.on(match)), Topics.ALERTS);
	}

	private Recipient activeRecipient() {
		return new Recipient(this.alert.alertId(), this.alert.address(), AlertStatus.ACTIVE, Frequency.INSTANT,
				TestEvents.CRITERIA, "https://c", "https://m", "https://u", 1, 1, NOW.minusSeconds(60), null, null);
	}

}
