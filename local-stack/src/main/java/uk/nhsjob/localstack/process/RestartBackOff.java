package uk.nhsjob.localstack.process;

import java.time.Duration;

/**
 * How long to wait before starting a crashed child again: {@code initial} after its first
 * crash, doubling with each crash in a row up to {@code max}. A child that ran for
 * {@code stableAfter} before it crashed starts the count afresh.
 *
 * @param initial the wait after a first crash
 * @param max the longest wait
 * @param stableAfter how long a child must run for its next crash to count as a first
 */
public record RestartBackOff(Duration initial, Duration max, Duration stableAfter) {

	/** 1 s, doubling up to a minute; two minutes up make a child stable again. */
	public static final RestartBackOff DEFAULT = new RestartBackOff(Duration.ofSeconds(1), Duration.ofMinutes(1),
			Duration.ofMinutes(2));

	/**
	 * The wait before the next start.
	 * @param crashesInARow 1 for a first crash
	 */
	public Duration delay(int crashesInARow) {
		Duration delay = this.initial;
		for (int crash = 1; crash < crashesInARow && delay.compareTo(this.max) < 0; crash++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

	/**
	 * The count of crashes in a row once this one is counted.
	 * @param before the count before this crash
	 * @param ranFor how long the child ran before this crash
	 */
	public int count(int before, Duration ranFor) {
		return (ranFor.compareTo(this.stableAfter) >= 0) ? 1 : before + 1;
	}

}
