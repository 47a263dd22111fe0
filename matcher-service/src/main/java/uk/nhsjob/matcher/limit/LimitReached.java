package uk.nhsjob.matcher.limit;

import java.time.Duration;

/**
 * A limit per client or overall is reached for now: the API answers {@code 429} with
 * {@code Retry-After}, a page asks to try later (docs/alerts.md, "Limits").
 */
public class LimitReached extends RuntimeException {

	private final Duration retryAfter;

	LimitReached(String limit, Duration retryAfter) {
		super("The limit " + limit + " is reached", null, false, false);
		this.retryAfter = retryAfter;
	}

	/** Until the limit's window ends, at least a second. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds, rounded up, as {@code Retry-After} wants them. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
