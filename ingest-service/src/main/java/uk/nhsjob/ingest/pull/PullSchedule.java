package uk.nhsjob.ingest.pull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * When a pull runs next. Each source's pulls fall on its own grid, once every period,
 * offset within the period by a hash of the source's id, so that pulls of many sources do
 * not bunch; a failing pull is retried sooner, waiting {@code firstRetry} and then twice
 * as long after each further failure, but never longer than its period.
 */
final class PullSchedule {

	private PullSchedule() {
	}

	/**
	 * The next point of the source's grid after a pull that went through, at least half a
	 * period away.
	 */
	static Instant afterSuccess(String sourceId, Duration every, Instant now) {
		long period = every.toMillis();
		long offset = offset(sourceId, period);
		long nowMillis = now.toEpochMilli();
		long slot = Math.floorDiv(nowMillis - offset, period) * period + offset + period;
		if (slot - nowMillis < period / 2) {
			slot += period;
		}
		return Instant.ofEpochMilli(slot);
	}

	/** After the given number of failures in a row (1 for the first). */
	static Instant afterFailure(Duration every, Duration firstRetry, int failuresInARow, Instant now) {
		return now.plus(backOff(every, firstRetry, failuresInARow));
	}

	static Duration backOff(Duration every, Duration firstRetry, int failuresInARow) {
		Duration wait = firstRetry;
		for (int i = 1; i < failuresInARow && wait.compareTo(every) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(every) < 0) ? wait : every;
	}

	/** The source's place within the period: the same on every instance. */
	static long offset(String sourceId, long periodMillis) {
		CRC32 crc = new CRC32();
		crc.update(sourceId.getBytes(StandardCharsets.UTF_8));
		return Math.floorMod(crc.getValue(), periodMillis);
	}

}
