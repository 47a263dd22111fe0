package uk.nhsjob.platform.background;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BackgroundReadersTests {

	private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2027-03-02T12:00:00.250Z"),
			ZoneOffset.UTC);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackgroundReaders readers = new BackgroundReaders(this.meters, this.clock,
			new BackgroundSettings(Duration.ofMinutes(1)));

	private final BackgroundHealthIndicator health = new BackgroundHealthIndicator(this.readers);

	@Test
	void isDownUntilEveryReaderHasCaughtUp() {
		BackgroundReader view = this.readers.register("vacancy-view");
		BackgroundReader relay = this.readers.register("outbox-relay");
		view.caughtUp();
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health(true).getDetails()).containsEntry("vacancy-view", "CAUGHT_UP")
			.containsEntry("outbox-relay", "STARTING for 0 s");
		relay.caughtUp();
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aFailingReaderCountsFromWhenItStoppedKeepingUpAndRecoversByItself() {
		BackgroundReader view = this.readers.register("vacancy-view");
		view.caughtUp();
		this.clock.advance(Duration.ofSeconds(5));
		view.failed(new IOException("broker at 127.0.0.1:9092 unreachable"));
		this.clock.advance(Duration.ofSeconds(40));
		view.failed(new IOException("again"));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(view.unhealthyFor()).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health(true).getDetails()).containsEntry("vacancy-view",
				"FAILING for 60 s (IOException)");
		assertThat(this.meters.get("nhsjob.background.unhealthy.seconds").tag("reader", "vacancy-view").gauge().value())
			.isEqualTo(60.0);
		view.caughtUp();
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(this.meters.get("nhsjob.background.unhealthy.seconds").tag("reader", "vacancy-view").gauge().value())
			.isZero();
	}

	@Test
	void theHealthDetailsNameTheDependency() {
		BackgroundReader sender = this.readers.register("email sender");
		BackgroundReader listener = this.readers.register("listener notifier-service.alerts #0");
		sender.failed(mongoAway());
		listener.behind("no connection to the Kafka brokers", Dependency.KAFKA);
		assertThat(this.health.health(true).getDetails())
			.containsEntry("email sender", "FAILING for 0 s: MongoDB (MongoTimeoutException)")
			.containsEntry("listener notifier-service.alerts #0",
					"BEHIND for 0 s: Kafka (no connection to the Kafka brokers)");
	}

	@Test
	void countsEachFailedTryByReaderAndDependency() {
		BackgroundReader sender = this.readers.register("email sender");
		sender.failed(mongoAway());
		sender.failed(mongoAway());
		sender.failed(new IllegalStateException("a bug"));
		assertThat(this.meters.get("nhsjob.background.retries")
			.tags("reader", "email sender", "dependency", "MongoDB")
			.counter()
			.count()).isEqualTo(2.0);
		assertThat(this.meters.get("nhsjob.background.retries")
			.tags("reader", "email sender", "dependency", "other")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void logsAFaultOncePerMinuteWhileItLastsAndOnceWhenItIsOver(CapturedOutput output) {
		BackgroundReader sender = this.readers.register("email sender");
		sender.caughtUp();
		sender.failed(mongoAway());
		this.readers.logFaults();
		assertThat(faultLines(output)).isZero();

		// a few seconds on: the fault is logged
		this.clock.advance(Duration.ofSeconds(10));
		sender.failed(mongoAway());
		this.readers.logFaults();
		assertThat(output).contains("Background reader email sender failing since 2027-03-02T12:00:00Z (0 min): "
				+ "MongoDB unreachable (MongoTimeoutException)");
		assertThat(faultLines(output)).isEqualTo(1);

		// retried every few seconds, logged once a minute
		for (int second = 10; second < 130; second += 5) {
			this.clock.advance(Duration.ofSeconds(5));
			sender.failed(mongoAway());
			this.readers.logFaults();
		}
		assertThat(faultLines(output)).isEqualTo(3);
		assertThat(output).contains("failing since 2027-03-02T12:00:00Z (1 min)")
			.contains("failing since 2027-03-02T12:00:00Z (2 min)");

		sender.caughtUp();
		this.readers.logFaults();
		this.clock.advance(Duration.ofMinutes(5));
		this.readers.logFaults();
		assertThat(output).contains("Background reader email sender caught up after 2 min 10 s");
		assertThat(faultLines(output)).isEqualTo(3);
		assertThat(output).doesNotContain("127.0.0.1");
	}

	@Test
	void aReaderCatchingUpOrFailingOnlyBrieflyLogsNoFault(CapturedOutput output) {
		BackgroundReader view = this.readers.register("vacancy-view");
		view.behind("reading nhsjob.vacancies.v1 from its start");
		this.clock.advance(Duration.ofMinutes(3));
		this.readers.logFaults();
		view.failed(mongoAway());
		this.clock.advance(Duration.ofSeconds(2));
		this.readers.logFaults();
		view.caughtUp();
		assertThat(output).doesNotContain("Background reader vacancy-view");
	}

	@Test
	void registeringANameTwiceGivesTheSameReader() {
		assertThat(this.readers.register("relay")).isSameAs(this.readers.register("relay"));
		assertThat(this.readers.all()).hasSize(1);
	}

	private static long faultLines(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("failing since"))
			.count();
	}

	/** As Spring Data translates the driver's timeout; its message names the server. */
	private static RuntimeException mongoAway() {
		return new DataAccessResourceFailureException("Timed out ... 127.0.0.1:27017",
				new MongoTimeoutException("Timed out ... 127.0.0.1:27017"));
	}

}
