package uk.nhsjob.ingest.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementsTests {

	@Test
	void reportsWhatTheBrokerAcknowledgedAndWhyTheRestWasNot() throws InterruptedException {
		Acknowledgements acknowledgements = new Acknowledgements();
		acknowledgements.sent();
		acknowledgements.sent();
		acknowledgements.acknowledged(new SentRevision("src:A", 1));
		acknowledgements.failed("broker unavailable");

		Acknowledgements.Result result = acknowledgements.await(System.nanoTime());

		assertThat(result.acknowledged()).containsExactly(new SentRevision("src:A", 1));
		assertThat(result.firstFailure()).isEqualTo("broker unavailable");
	}

	@Test
	void leavesOutAnAcknowledgementThatCameAfterTheWaitGaveUp() throws InterruptedException {
		Acknowledgements acknowledgements = new Acknowledgements();
		acknowledgements.sent();
		acknowledgements.sent();
		acknowledgements.acknowledged(new SentRevision("src:ON-TIME", 1));

		Acknowledgements.Result result = acknowledgements.await(System.nanoTime());
		acknowledgements.acknowledged(new SentRevision("src:LATE", 1));

		assertThat(result.acknowledged()).containsExactly(new SentRevision("src:ON-TIME", 1));
		assertThat(result.firstFailure()).isEqualTo("no acknowledgement in time");
		assertThat(acknowledgements.await(System.nanoTime()).acknowledged())
			.containsExactly(new SentRevision("src:ON-TIME", 1));
	}

}
