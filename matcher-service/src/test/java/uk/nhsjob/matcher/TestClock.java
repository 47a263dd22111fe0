package uk.nhsjob.matcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, moved forward by however much a test says, so a test of what happens
 * days later does not wait for them. Shared by every integration test: a test that moves
 * it puts it back when it ends.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	private final ZoneId zone;

	TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void moveForward(Duration duration) {
		this.ahead.accumulateAndGet(duration, Duration::plus);
	}

	public void reset() {
		this.ahead.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead.get());
	}

}
