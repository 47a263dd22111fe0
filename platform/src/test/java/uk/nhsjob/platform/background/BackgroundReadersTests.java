package uk.nhsjob.platform.background;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundReadersTests {

	private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2027-03-02T12:00:00Z"), ZoneOffset.UTC);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackgroundReaders readers = new BackgroundReaders(this.meters, this.clock);

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
	void registeringANameTwiceGivesTheSameReader() {
		assertThat(this.readers.register("relay")).isSameAs(this.readers.register("relay"));
		assertThat(this.readers.all()).hasSize(1);
	}

}
