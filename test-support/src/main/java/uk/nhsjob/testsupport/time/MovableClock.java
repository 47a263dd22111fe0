package uk.nhsjob.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock that runs at the real rate from wherever a test puts it, so that a test names
 * the moment it needs (03:00 in London, the night the clocks go back) and does not depend
 * on when it is run. Services under test get it as their {@link Clock} bean; Kafka,
 * Awaitility and the servers keep the real time, which only moves forward as usual.
 * <p>
 * A clock shared by several tests only moves forward ({@link #advance},
 * {@link #advanceTo}); a test that owns its clock may also {@link #setTo} any moment.
 */
public final class MovableClock extends Clock {

	private final ZoneId zone;

	private final Supplier<Instant> base;

	private final AtomicReference<Duration> offset;

	private MovableClock(ZoneId zone, Supplier<Instant> base, AtomicReference<Duration> offset) {
		this.zone = zone;
		this.base = base;
		this.offset = offset;
	}

	/** A clock at the real time, in the zone given. */
	public static MovableClock atRealTime(ZoneId zone) {
		return new MovableClock(zone, Instant::now, new AtomicReference<>(Duration.ZERO));
	}

	/**
	 * A clock that stands still at the moment given until a test moves it, for a test
	 * that asserts exact durations (a {@code Retry-After} in seconds, say).
	 */
	public static MovableClock stoppedAt(Instant moment, ZoneId zone) {
		return new MovableClock(zone, () -> moment, new AtomicReference<>(Duration.ZERO));
	}

	/**
	 * A clock that starts at the moment given and runs from there; {@link #reset()} puts
	 * it back where it would be had nobody moved it.
	 */
	public static MovableClock startingAt(Instant moment, ZoneId zone) {
		Duration shift = Duration.between(Instant.now(), moment);
		return new MovableClock(zone, () -> Instant.now().plus(shift), new AtomicReference<>(Duration.ZERO));
	}

	/** A clock that starts at this wall-clock time in its zone. */
	public static MovableClock startingAt(LocalDateTime localTime, ZoneId zone) {
		return startingAt(localTime.atZone(zone).toInstant(), zone);
	}

	/** Moves the clock forward (or back, with a negative duration) by this much. */
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

	/** Puts the clock at {@code moment}, earlier or later than now. */
	public void setTo(Instant moment) {
		this.offset.set(Duration.between(this.base.get(), moment));
	}

	/** Puts the clock at this wall-clock time in its zone. */
	public void setTo(LocalDateTime localTime) {
		setTo(localTime.atZone(this.zone).toInstant());
	}

	/**
	 * Undoes every move: back to the real time, or to where it would be had nobody moved
	 * it.
	 */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	/** Today in the clock's zone. */
	public LocalDate today() {
		return LocalDate.now(this);
	}

	@Override
	public Instant instant() {
		return this.base.get().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(zone, this.base, this.offset);
	}

}
