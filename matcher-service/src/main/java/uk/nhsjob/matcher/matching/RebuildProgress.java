package uk.nhsjob.matcher.matching;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * How far the open vacancies are rebuilt. On every assignment the listener reads its
 * partitions again from the beginning; records before the group's committed position were
 * matched before and are replayed only to rebuild the set.
 * <p>
 * A partition counts as rebuilt once the record just before its committed position, or
 * any later one, has been read again: compaction removes that record only for a newer one
 * under its key, which lies after it. This holds while the vacancy stream's producers are
 * not transactional, since a transaction marker could stand in that place.
 */
@Component
class RebuildProgress {

	/**
	 * Per partition still being replayed: the committed position it is replayed up to.
	 */
	private final Map<TopicPartition, Long> replayingUntil = new ConcurrentHashMap<>();

	private volatile boolean assigned;

	/**
	 * @param positions the partitions assigned and their committed positions, before
	 * seeking to their beginning
	 */
	void assigned(Map<TopicPartition, Long> positions) {
		positions.forEach((partition, position) -> {
			if (position > 0) {
				this.replayingUntil.put(partition, position);
			}
		});
		this.assigned = true;
	}

	void revoked(Collection<TopicPartition> partitions) {
		partitions.forEach(this.replayingUntil::remove);
	}

	/**
	 * Notes a record read.
	 * @return whether it was matched before (and is only replayed)
	 */
	boolean read(TopicPartition partition, long offset) {
		Long until = this.replayingUntil.get(partition);
		if (until == null) {
			return false;
		}
		if (offset + 1 >= until) {
			this.replayingUntil.remove(partition);
		}
		return offset < until;
	}

	/** Whether every vacancy published before this instance started is in the set. */
	boolean isComplete() {
		return this.assigned && this.replayingUntil.isEmpty();
	}

}
