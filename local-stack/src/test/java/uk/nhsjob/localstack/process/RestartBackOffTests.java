package uk.nhsjob.localstack.process;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackOffTests {

	private final RestartBackOff backOff = RestartBackOff.DEFAULT;

	@Test
	void waitsASecondAfterAFirstCrashThenDoublesUpToAMinute() {
		assertThat(this.backOff.delay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backOff.delay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backOff.delay(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.backOff.delay(7)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backOff.delay(1000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void countsCrashesInARowUntilAChildRanLongEnoughToBeStable() {
		assertThat(this.backOff.count(0, Duration.ofSeconds(5))).isEqualTo(1);
		assertThat(this.backOff.count(3, Duration.ofSeconds(5))).isEqualTo(4);
		assertThat(this.backOff.count(3, Duration.ofMinutes(2))).isEqualTo(1);
	}

}
