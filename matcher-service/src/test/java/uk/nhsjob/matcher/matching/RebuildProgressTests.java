package uk.nhsjob.matcher.matching;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTests {

	private static final TopicPartition EMPTY = new TopicPartition("vacancies", 0);

	private static final TopicPartition FILLED = new TopicPartition("vacancies", 1);

	private final RebuildProgress progress = new RebuildProgress();

	@Test
	void isIncompleteUntilReadingStarts() {
		assertThat(this.progress.isComplete()).isFalse();
		this.progress.started(Map.of(EMPTY, 0L));
		assertThat(this.progress.isComplete()).isTrue();
	}

	@Test
	void isCompleteOnceEveryPartitionIsReadAsFarAsItReachedOnStart() {
		this.progress.started(Map.of(EMPTY, 0L, FILLED, 3L));
		this.progress.readUpTo(FILLED, 2);
		assertThat(this.progress.isComplete()).isFalse();
		this.progress.readUpTo(FILLED, 3);
		assertThat(this.progress.isComplete()).isTrue();
	}

	@Test
	void aPositionPastTheEndCountsAsWell() {
		this.progress.started(Map.of(FILLED, 3L));
		this.progress.readUpTo(FILLED, 7);
		assertThat(this.progress.isComplete()).isTrue();
	}

}
