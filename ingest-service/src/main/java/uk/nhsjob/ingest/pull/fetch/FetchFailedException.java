package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.Nullable;

/**
 * A pull that failed: reason is safe to show an operator (no secrets), httpStatus null
 * when no response.
 */
public class FetchFailedException extends RuntimeException {

	private final String reason;

	private final @Nullable Integer httpStatus;

	public FetchFailedException(String reason, @Nullable Integer httpStatus, @Nullable Throwable cause) {
		super(reason, cause);
		this.reason = reason;
		this.httpStatus = httpStatus;
	}

	public String reason() {
		return this.reason;
	}

	public @Nullable Integer httpStatus() {
		return this.httpStatus;
	}

}
