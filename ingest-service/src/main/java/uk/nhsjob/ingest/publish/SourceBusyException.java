package uk.nhsjob.ingest.publish;

import java.time.Duration;

/**
 * Another feed of the source held its lease for longer than a feed waits for it: nothing
 * of this feed was read or written.
 */
public class SourceBusyException extends RuntimeException {

	private final Duration retryAfter;

	SourceBusyException(String sourceId, Duration waited, Duration retryAfter) {
		super("Another feed of source " + sourceId + " is still being processed after a wait of " + waited.toSeconds()
				+ " s.");
		this.retryAfter = retryAfter;
	}

	/** When the other feed's lease will have run out at the latest. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
