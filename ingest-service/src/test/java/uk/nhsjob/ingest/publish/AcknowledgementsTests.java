package uk.nhsjob.ingest.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementsTests {

	@Test
	void reportsWhatTheBrokerAcknowledgedAndWhyTheRestWasNot() throws InterruptedException {
		Acknowledgements acknowledgements = new Acknowledgements();
		acknowledgements.sent();
		acknowledgements.sent();
		acknowledgements.acknowledged("src:A");
		acknowledgements.failed("broker unavailable");

		Acknowledgements.Result result = acknowledgements.await(System.nanoTime());

		assertThat(result.acknowledged()).containsExactly("src:A");
		assertThat(result.firstFailure()).isEqualTo("broker unavailable");
	}

	@Test
	void leavesOutAnAcknowledgementThatCameAfterTheWaitGaveUp() throws InterruptedException {
		Acknowledgements acknowledgements = new Acknowledgements();
		acknowledgements.sent();
		acknowledgements.sent();
		acknowledgements.acknowledged("src:ON-TIME");

		Acknowledgements.Result result = acknowledgements.await(System.nanoTime());
		acknowledgements.acknowledged("src:LATE");

		assertThat(result.acknowledged()).containsExactly("src:ON-TIME");
		assertThat(result.firstFailure()).isEqualTo("no acknowledgement in time");
		assertThat(acknowledgements.await(System.nanoTime()).acknowledged()).containsExactly("src:ON-TIME");
	}

}
