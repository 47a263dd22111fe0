package uk.nhsjob.matcher.matching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * How far the {@link OpenVacancyReader} has read the vacancy stream since this instance
 * started: complete once it has read, in every partition, as far as the stream reached
 * when it began. Positions, not offsets of records read, so a record compacted away or a
 * transaction marker at the end does not keep it waiting.
 */
@Component
class RebuildProgress {

	/** Per partition still being read: the position it is read up to. */
	private final Map<TopicPartition, Long> readingUntil = new ConcurrentHashMap<>();

	private volatile boolean started;

	/**
	 * @param endOffsets where each partition of the stream ended when reading began
	 */
	void started(Map<TopicPartition, Long> endOffsets) {
		endOffsets.forEach((partition, end) -> {
			if (end > 0) {
				this.readingUntil.put(partition, end);
			}
		});
		this.started = true;
	}

	/** Notes how far a partition has been read: the offset of the next record. */
	void readUpTo(TopicPartition partition, long position) {
		this.readingUntil.computeIfPresent(partition, (key, until) -> (position >= until) ? null : until);
	}

	/** Whether every vacancy published before this instance started is in the set. */
	boolean isComplete() {
		return this.started && this.readingUntil.isEmpty();
	}

}
