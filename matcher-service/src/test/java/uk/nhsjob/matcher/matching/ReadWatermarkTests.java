package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watermark of a whole-topic reader: what it may claim to have applied, in broker
 * time, and no more.
 */
class ReadWatermarkTests {

	private static final TopicPartition EMPTY = new TopicPartition("profiles", 0);

	private static final TopicPartition FILLED = new TopicPartition("profiles", 1);

	private static final Instant T = Instant.parse("2026-06-02T09:00:00Z");

	private final ReadWatermark watermark = new ReadWatermark(Duration.ofSeconds(1));

	@Test
	void coversNothingBeforeTheFirstRoundEnds() {
		assertThat(this.watermark.covers(T.minusSeconds(3600))).isFalse();
		this.watermark.startRound(T, Map.of(EMPTY, 0L, FILLED, 3L));
		assertThat(this.watermark.readUpTo(Map.of(EMPTY, 0L, FILLED, 2L))).isFalse();
		assertThat(this.watermark.covers(T.minusSeconds(3600))).isFalse();
	}

	@Test
	void onceReadToTheEndOffsetsCoversWhatWasAppendedBeforeTheRoundLessTheSkew() {
		this.watermark.startRound(T, Map.of(EMPTY, 0L, FILLED, 3L));
		assertThat(this.watermark.readUpTo(Map.of(EMPTY, 0L, FILLED, 3L))).isTrue();

		assertThat(this.watermark.appliedBefore()).isEqualTo(T.minusSeconds(1));
		assertThat(this.watermark.covers(T.minusMillis(1001))).isTrue();
		assertThat(this.watermark.covers(T.minusSeconds(1))).isFalse();
		assertThat(this.watermark.covers(T)).isFalse();
	}

	@Test
	void aPositionPastTheEndCountsAsWell() {
		this.watermark.startRound(T, Map.of(FILLED, 3L));
		assertThat(this.watermark.readUpTo(Map.of(FILLED, 7L))).isTrue();
	}

	@Test
	void aPartitionNotReadYetKeepsTheRoundOpen() {
		this.watermark.startRound(T, Map.of(EMPTY, 0L, FILLED, 3L));
		assertThat(this.watermark.readUpTo(Map.of(FILLED, 3L))).isFalse();
		assertThat(this.watermark.isRoundOpen()).isTrue();
	}

	@Test
	void neverMovesBack() {
		this.watermark.startRound(T, Map.of(FILLED, 3L));
		this.watermark.readUpTo(Map.of(FILLED, 3L));
		this.watermark.startRound(T.minusSeconds(30), Map.of(FILLED, 3L));
		this.watermark.readUpTo(Map.of(FILLED, 3L));
		assertThat(this.watermark.appliedBefore()).isEqualTo(T.minusSeconds(1));
	}

	@Test
	void aWaiterIsLetGoWhenARoundCoversItsMoment() throws Exception {
		Thread rounds = new Thread(() -> {
			this.watermark.startRound(T.plusSeconds(2), Map.of(FILLED, 3L));
			this.watermark.readUpTo(Map.of(FILLED, 3L));
		});
		rounds.start();
		assertThat(this.watermark.awaitCovering(T, Duration.ofSeconds(30))).isTrue();
		rounds.join();
	}

	@Test
	void aWaiterGivesUpWhenNoRoundCoversItsMoment() throws Exception {
		this.watermark.startRound(T, Map.of(FILLED, 3L));
		this.watermark.readUpTo(Map.of(FILLED, 3L));
		assertThat(this.watermark.awaitCovering(T, Duration.ofMillis(10))).isFalse();
	}

	@Test
	void tellsHowLongARoundHasBeenOpen() {
		this.watermark.startRound(T, Map.of(FILLED, 3L));
		assertThat(this.watermark.isRoundOpenSince(T)).isFalse();
		assertThat(this.watermark.isRoundOpenSince(T.plusSeconds(31))).isTrue();
		this.watermark.readUpTo(Map.of(FILLED, 3L));
		assertThat(this.watermark.isRoundOpenSince(T.plusSeconds(31))).isFalse();
	}

}
