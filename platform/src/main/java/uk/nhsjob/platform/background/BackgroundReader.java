package uk.nhsjob.platform.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * One background reader's state, as it last reported it. A reader says
 * {@link #caughtUp()} when it has read as far as it must, {@link #behind(String)} while
 * it catches up, and {@link #failed(Throwable)} on each failed try; it is healthy only
 * when caught up. A reader retrying for as long as a fault lasts keeps reporting
 * {@code failed}, so the time since it was last healthy keeps growing.
 */
public final class BackgroundReader {

	/** What a reader is doing now. */
	public enum State {

		/** Started, not caught up yet. */
		STARTING,
		/** Has read as far as it must. */
		CAUGHT_UP,
		/** Reading, but not as far as it must yet. */
		BEHIND,
		/** Its last try failed; it will try again. */
		FAILING

	}

	private final String name;

	private final Clock clock;

	private final AtomicReference<Status> status;

	BackgroundReader(String name, Clock clock) {
		this.name = name;
		this.clock = clock;
		this.status = new AtomicReference<>(new Status(State.STARTING, clock.instant(), null));
	}

	public String name() {
		return this.name;
	}

	public void caughtUp() {
		this.status.set(new Status(State.CAUGHT_UP, this.clock.instant(), null));
	}

	public void behind(String why) {
		moveTo(State.BEHIND, why);
	}

	/** A failed try: only the kind of failure is kept, never its message (privacy). */
	public void failed(Throwable failure) {
		moveTo(State.FAILING, failure.getClass().getSimpleName());
	}

	public boolean isHealthy() {
		return this.status.get().state() == State.CAUGHT_UP;
	}

	public State state() {
		return this.status.get().state();
	}

	/** How long it has been other than caught up; zero while it is. */
	public Duration unhealthyFor() {
		Status now = this.status.get();
		return (now.state() == State.CAUGHT_UP) ? Duration.ZERO : Duration.between(now.since(), this.clock.instant());
	}

	/** Why it is not caught up, if it said. */
	public @Nullable String reason() {
		return this.status.get().reason();
	}

	/** Keeps the moment it stopped being healthy while it stays unhealthy. */
	private void moveTo(State state, String reason) {
		this.status.updateAndGet((before) -> new Status(state,
				(before.state() == State.CAUGHT_UP) ? this.clock.instant() : before.since(), reason));
	}

	private record Status(State state, Instant since, @Nullable String reason) {
	}

}
