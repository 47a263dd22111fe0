package uk.nhsjob.platform.kafka;

import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.background.BackgroundSettings;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The metrics of a listener's pauses between the tries of a failing record. */
class ListenerFaultReportingTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackgroundReaders readers = new BackgroundReaders(this.meters,
			MovableClock.stoppedAt(Instant.parse("2027-03-02T12:00:00Z"), ZoneOffset.UTC),
			BackgroundSettings.defaults());

	private final ListenerFaultReporting reporting = new ListenerFaultReporting(this.readers, this.meters);

	private final MessageListenerContainer consumer = mock(MessageListenerContainer.class);

	@AfterEach
	void stop() {
		this.reporting.destroy();
	}

	@Test
	void countsEachPauseItsLengthAndTheFailedTriesByDependency() {
		given(this.consumer.getGroupId()).willReturn("notifier-service.alerts");
		given(this.consumer.getListenerId()).willReturn("notifier-service.alerts-0");
		Exception mongoAway = new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("away", new MongoTimeoutException("30000 ms")));

		this.reporting.onNextBackOff(this.consumer, mongoAway, 2_000);
		this.reporting.onNextBackOff(this.consumer, mongoAway, 30_000);
		this.reporting.onNextBackOff(this.consumer, new IllegalStateException("a bug"), 500);

		verify(this.consumer, times(3)).pause();
		String reader = "listener notifier-service.alerts #0";
		assertThat(this.meters.get("nhsjob.listener.pauses").tag("reader", reader).counter().count()).isEqualTo(3.0);
		assertThat(this.meters.get("nhsjob.listener.paused.seconds").tag("reader", reader).counter().count())
			.isEqualTo(32.5);
		// only a fault that passes makes the reader fail; the rest is dead-lettered soon
		assertThat(this.meters.get("nhsjob.background.retries")
			.tags("reader", reader, "dependency", "MongoDB")
			.counter()
			.count()).isEqualTo(2.0);
		assertThat(this.meters.find("nhsjob.background.retries").tags("dependency", "other").counter()).isNull();
	}

	@Test
	void aConsumerPausedAlreadyIsNotCountedTwice() {
		given(this.consumer.getGroupId()).willReturn("ingest-service.feeds");
		given(this.consumer.isPauseRequested()).willReturn(true);
		this.reporting.onNextBackOff(this.consumer, new IllegalStateException("a bug"), 500);
		assertThat(this.meters.find("nhsjob.listener.pauses").counter()).isNull();
	}

}
