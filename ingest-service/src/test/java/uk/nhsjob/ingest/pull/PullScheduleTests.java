package uk.nhsjob.ingest.pull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class PullScheduleTests {

	private static final Duration PERIOD = Duration.ofMinutes(15);

	private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	private final MovableClock clock = MovableClock
		.stoppedAt(LocalDateTime.of(2027, 3, 1, 9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

	@Test
	void backsOffDoublingFromTheFirstRetryButNeverBeyondThePeriod() {
		Instant now = this.clock.instant();

		assertThat(PullSchedule.afterFailure(PERIOD, FIRST_RETRY, 1, now)).isEqualTo(now.plus(Duration.ofMinutes(1)));
		assertThat(PullSchedule.afterFailure(PERIOD, FIRST_RETRY, 2, now)).isEqualTo(now.plus(Duration.ofMinutes(2)));
		assertThat(PullSchedule.afterFailure(PERIOD, FIRST_RETRY, 4, now)).isEqualTo(now.plus(Duration.ofMinutes(8)));
		for (int failures = 5; failures < 40; failures++) {
			assertThat(PullSchedule.afterFailure(PERIOD, FIRST_RETRY, failures, now)).isEqualTo(now.plus(PERIOD));
		}
		assertThat(PullSchedule.afterFailure(Duration.ofSeconds(30), FIRST_RETRY, 1, now))
			.isEqualTo(now.plus(Duration.ofSeconds(30)));
	}

	@Test
	void runsOnceEveryPeriodOnTheSourcesOwnGrid() {
		Instant first = PullSchedule.afterSuccess("leeds-trust", PERIOD, this.clock.instant());
		assertThat(Duration.between(this.clock.instant(), first)).isBetween(PERIOD.dividedBy(2),
				PERIOD.multipliedBy(3).dividedBy(2));

		this.clock.advance(Duration.between(this.clock.instant(), first).plusSeconds(7));
		Instant second = PullSchedule.afterSuccess("leeds-trust", PERIOD, this.clock.instant());

		assertThat(second).isEqualTo(first.plus(PERIOD));
	}

	@Test
	void spreadsSourcesOverThePeriod() {
		Set<Instant> next = new HashSet<>();
		for (int source = 0; source < 20; source++) {
			next.add(PullSchedule.afterSuccess("practice-" + source, PERIOD, this.clock.instant()));
		}

		assertThat(next).hasSizeGreaterThan(15);
	}

}
