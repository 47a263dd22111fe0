package uk.nhsjob.notifier.delivery;

import org.junit.jupiter.api.Test;

import uk.nhsjob.platform.kafka.TransientFaults;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientNotReadyTests {

	@Test
	void aMatchAheadOfItsActivationIsRetriedForAsLongAsItTakesNotDeadLettered() {
		assertThat(TransientFaults.isTransient(new RecipientNotReady("no profile yet for alert a"))).isTrue();
	}

}
