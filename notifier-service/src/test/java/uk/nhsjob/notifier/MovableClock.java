package uk.nhsjob.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved forward by however much tests have asked: time only ever goes
 * forward, so tests that share the running notifier do not disturb one another.
 */
public final class MovableClock extends Clock {

	private final ZoneId zone;

	private final AtomicReference<Duration> offset;

	MovableClock(ZoneId zone) {
		this(zone, new AtomicReference<>(Duration.ZERO));
	}

	private MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
		this.zone = zone;
		this.offset = offset;
	}

	public void advance(Duration duration) {
		this.offset.accumulateAndGet(duration, Duration::plus);
	}

	/** Moves the clock to {@code moment}, or leaves it if it is past that already. */
	public void advanceTo(Instant moment) {
		Duration ahead = Duration.between(instant(), moment);
		if (!ahead.isNegative()) {
			advance(ahead);
		}
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(zone, this.offset);
	}

}
