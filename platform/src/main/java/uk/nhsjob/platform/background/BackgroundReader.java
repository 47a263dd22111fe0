package uk.nhsjob.platform.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background reader's state, as it last reported it. A reader says
 * {@link #caughtUp()} when it has read as far as it must, {@link #behind(String)} while
 * it catches up, and {@link #failed(Throwable)} on each failed try; it is healthy only
 * when caught up. A reader retrying for as long as a fault lasts keeps reporting
 * {@code failed}, so the time since it was last healthy keeps growing.
 * <p>
 * While it is held up by a dependency (failing, or behind for want of one) it is in a
 * fault: a {@code WARN} line says so soon after the fault starts and then once per
 * {@link BackgroundSettings#faultLogInterval()} (through
 * {@link BackgroundReaders#logFaults()}), naming the dependency and since when; an
 * {@code INFO} line says when it has caught up again (docs/operations.md, "Logs"). Each
 * failed try counts in {@code nhsjob.background.retries}.
 */
public final class BackgroundReader {

	private static final Logger log = LoggerFactory.getLogger(BackgroundReader.class);

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

	private final MeterRegistry meters;

	private Status status;

	/** When the fault now lasting was first logged; null while none was. */
	private @Nullable Instant faultLoggedSince;

	private @Nullable Instant faultLoggedLast;

	BackgroundReader(String name, Clock clock, MeterRegistry meters) {
		this.name = name;
		this.clock = clock;
		this.meters = meters;
		this.status = new Status(State.STARTING, clock.instant(), null, null, null);
	}

	public String name() {
		return this.name;
	}

	public synchronized void caughtUp() {
		Instant now = this.clock.instant();
		if (this.faultLoggedSince != null) {
			log.info("Background reader {} caught up after {}", this.name,
					readable(Duration.between(this.faultLoggedSince, now)));
			this.faultLoggedSince = null;
			this.faultLoggedLast = null;
		}
		this.status = new Status(State.CAUGHT_UP, now, null, null, null);
	}

	/** Catching up; no dependency is at fault. */
	public void behind(String why) {
		moveTo(State.BEHIND, why, null);
	}

	/**
	 * Behind because a dependency is out of reach (a listener with no connection to the
	 * brokers, say): logged as a fault.
	 */
	public void behind(String why, Dependency dependency) {
		moveTo(State.BEHIND, why, dependency);
	}

	/**
	 * A failed try: only the kind of failure is kept ({@link Dependency#kindOf}), never
	 * its message (privacy).
	 */
	public void failed(Throwable failure) {
		Dependency dependency = Dependency.of(failure);
		Counter.builder("nhsjob.background.retries")
			.description("Failed tries of a background reader, each retried")
			.tag("reader", this.name)
			.tag("dependency", dependency.label())
			.register(this.meters)
			.increment();
		moveTo(State.FAILING, Dependency.kindOf(failure), dependency);
	}

	public synchronized boolean isHealthy() {
		return this.status.state() == State.CAUGHT_UP;
	}

	public synchronized State state() {
		return this.status.state();
	}

	/** How long it has been other than caught up; zero while it is. */
	public synchronized Duration unhealthyFor() {
		return (this.status.state() == State.CAUGHT_UP) ? Duration.ZERO
				: Duration.between(this.status.since(), this.clock.instant());
	}

	/** Since when it has been other than caught up; null while it is caught up. */
	public synchronized @Nullable Instant unhealthySince() {
		return (this.status.state() == State.CAUGHT_UP) ? null : this.status.since();
	}

	/** Why it is not caught up, if it said. */
	public synchronized @Nullable String reason() {
		return this.status.reason();
	}

	/** The dependency holding it up, if one is. */
	public synchronized @Nullable Dependency dependency() {
		return this.status.dependency();
	}

	/** Since when a dependency has held it up, if one does. */
	public synchronized @Nullable Instant faultSince() {
		return this.status.faultSince();
	}

	/**
	 * Logs the fault it is in once it has lasted a sixth of the interval (a reader that
	 * has just started and not reached its dependency yet is no fault), and again each
	 * time another interval has passed.
	 */
	synchronized void logFaultIfDue(Duration interval) {
		Instant now = this.clock.instant();
		Instant faultSince = this.status.faultSince();
		if (faultSince == null) {
			return;
		}
		if (this.faultLoggedLast == null) {
			if (!now.isBefore(faultSince.plus(interval.dividedBy(6)))) {
				this.faultLoggedSince = faultSince;
				logFault(now);
			}
		}
		else if (!now.isBefore(this.faultLoggedLast.plus(interval))) {
			logFault(now);
		}
	}

	/** Keeps the moment it stopped being healthy while it stays unhealthy. */
	private synchronized void moveTo(State state, String reason, @Nullable Dependency dependency) {
		Status before = this.status;
		Instant now = this.clock.instant();
		Instant since = (before.state() == State.CAUGHT_UP) ? now : before.since();
		Instant faultSince = (dependency == null) ? null : (before.faultSince() != null) ? before.faultSince() : now;
		this.status = new Status(state, since, reason, dependency, faultSince);
	}

	private void logFault(Instant now) {
		Instant faultSince = this.status.faultSince();
		Dependency dependency = this.status.dependency();
		if (faultSince == null || dependency == null) {
			return;
		}
		this.faultLoggedLast = now;
		String cause = (dependency == Dependency.OTHER) ? this.status.reason()
				: dependency.label() + " unreachable (" + this.status.reason() + ")";
		log.warn("Background reader {} failing since {} ({} min): {}", this.name,
				faultSince.truncatedTo(ChronoUnit.SECONDS), Duration.between(faultSince, now).toMinutes(), cause);
	}

	private static String readable(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds < 60) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	private record Status(State state, Instant since, @Nullable String reason, @Nullable Dependency dependency,
			@Nullable Instant faultSince) {
	}

}
