package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * How far in broker time a reader of a whole topic has applied it: every record appended
 * before {@link #appliedBefore()} is applied. A reader works in rounds: it notes its
 * local time L and asks every partition's end offset; once it has read to all of them,
 * every record appended before L is read, and L less the clock-skew allowance (the
 * broker's clock and this one may differ that much) becomes the watermark. Rounds follow
 * one another for as long as the reader runs, so the watermark keeps up with the time.
 * <p>
 * Readers ask {@link #awaitCovering} to wait until a moment is covered (docs/matching.md,
 * "Several instances").
 */
final class ReadWatermark {

	private final Duration clockSkew;

	private Instant appliedBefore = Instant.MIN;

	private @Nullable Instant roundStartedAt;

	private final Map<TopicPartition, Long> roundEnds = new HashMap<>();

	ReadWatermark(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	synchronized boolean isRoundOpen() {
		return this.roundStartedAt != null;
	}

	/** Whether a round began before the moment and is not over yet. */
	synchronized boolean isRoundOpenSince(Instant moment) {
		return this.roundStartedAt != null && this.roundStartedAt.isBefore(moment);
	}

	/**
	 * @param localNow the reader's time, taken before it asked the end offsets
	 * @param endOffsets where each partition ended then
	 */
	synchronized void startRound(Instant localNow, Map<TopicPartition, Long> endOffsets) {
		this.roundStartedAt = localNow;
		this.roundEnds.clear();
		this.roundEnds.putAll(endOffsets);
	}

	/**
	 * Notes how far the reader has read: per partition, the offset of the next record.
	 * @return whether this completed a round
	 */
	synchronized boolean readUpTo(Map<TopicPartition, Long> positions) {
		Instant started = this.roundStartedAt;
		if (started == null) {
			return false;
		}
		for (Map.Entry<TopicPartition, Long> end : this.roundEnds.entrySet()) {
			Long position = positions.get(end.getKey());
			if (position == null || position < end.getValue()) {
				return false;
			}
		}
		Instant covered = started.minus(this.clockSkew);
		if (covered.isAfter(this.appliedBefore)) {
			this.appliedBefore = covered;
		}
		this.roundStartedAt = null;
		notifyAll();
		return true;
	}

	/** Every record appended before this moment is applied. */
	synchronized Instant appliedBefore() {
		return this.appliedBefore;
	}

	/** Whether every record appended at or before this moment is applied. */
	synchronized boolean covers(Instant appendedAt) {
		return appendedAt.isBefore(this.appliedBefore);
	}

	/**
	 * Waits until every record appended at or before the moment is applied, at most the
	 * time given.
	 * @return whether it is
	 */
	synchronized boolean awaitCovering(Instant appendedAt, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!covers(appendedAt)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

}
