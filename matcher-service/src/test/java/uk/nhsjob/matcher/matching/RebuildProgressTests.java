package uk.nhsjob.matcher.matching;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTests {

	private static final TopicPartition FRESH = new TopicPartition("vacancies", 0);

	private static final TopicPartition READ_BEFORE = new TopicPartition("vacancies", 1);

	private final RebuildProgress progress = new RebuildProgress();

	@Test
	void isIncompleteUntilPartitionsAreAssigned() {
		assertThat(this.progress.isComplete()).isFalse();
		this.progress.assigned(Map.of(FRESH, 0L));
		assertThat(this.progress.isComplete()).isTrue();
	}

	@Test
	void replaysRecordsBeforeTheCommittedPositionThenMatchesTheRest() {
		this.progress.assigned(Map.of(FRESH, 0L, READ_BEFORE, 3L));
		assertThat(this.progress.read(FRESH, 0)).isFalse();
		assertThat(this.progress.read(READ_BEFORE, 0)).isTrue();
		assertThat(this.progress.read(READ_BEFORE, 1)).isTrue();
		assertThat(this.progress.isComplete()).isFalse();
		assertThat(this.progress.read(READ_BEFORE, 2)).isTrue();
		assertThat(this.progress.isComplete()).isTrue();
		assertThat(this.progress.read(READ_BEFORE, 3)).isFalse();
	}

	@Test
	void aRecordCompactedAwayIsMadeUpForByALaterOne() {
		this.progress.assigned(Map.of(READ_BEFORE, 3L));
		assertThat(this.progress.read(READ_BEFORE, 0)).isTrue();
		assertThat(this.progress.read(READ_BEFORE, 5)).isFalse();
		assertThat(this.progress.isComplete()).isTrue();
	}

	@Test
	void forgetsRevokedPartitions() {
		this.progress.assigned(Map.of(READ_BEFORE, 3L));
		this.progress.revoked(List.of(READ_BEFORE));
		assertThat(this.progress.isComplete()).isTrue();
	}

}
