package uk.nhsjob.notifier.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationEventPublisher;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.platform.kafka.FailurePolicyProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/** How the failure policy treats what the profile stream's listener throws. */
class ProfileListenerFaultTests {

	private final Recipients recipients = mock(Recipients.class);

	private final ErasedAlerts erasedAlerts = mock(ErasedAlerts.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final ProfileListener listener = new ProfileListener(
			new RecipientRegistry(this.recipients, this.erasedAlerts, this.events));

	private final Alert alert = Alert.unique();

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aProfileThatCannotBeStoredIsRetriedWithoutEnd(Exception fault) {
		given(this.recipients.findById(any())).willThrow(fault);

		assertThat(outcomeOf(this.alert.alertId(), this.alert.profile(1, AlertStatus.ACTIVE, 1)))
			.isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aProfileWhoseParkedMatchesCannotBeReleasedIsRetriedWithoutEnd(Exception fault) {
		given(this.recipients.save(any())).willAnswer((invocation) -> invocation.getArgument(0));
		willThrow(fault).given(this.events).publishEvent(any(RecipientChanged.class));

		assertThat(outcomeOf(this.alert.alertId(), this.alert.profile(1, AlertStatus.ACTIVE, 1)))
			.isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aTombstoneThatCannotBeAppliedIsRetriedWithoutEnd(Exception fault) {
		willThrow(fault).given(this.erasedAlerts).remember(any());

		assertThat(outcomeOf(this.alert.alertId(), null)).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@Test
	void aProfileRecordWithoutAKeyIsDeadLetteredAtOnce() {
		assertThat(outcomeOf(null, null)).isEqualTo(FailurePolicyProbe.Outcome.DEAD_LETTERED_AT_ONCE);
	}

	private FailurePolicyProbe.Outcome outcomeOf(String key, AlertProfileChanged profile) {
		ConsumerRecord<String, AlertProfileChanged> record = new ConsumerRecord<>(Topics.PROFILES, 0, 0, key, profile);
		return FailurePolicyProbe.outcomeOf(catchException(() -> this.listener.on(record)), Topics.PROFILES);
	}

}
