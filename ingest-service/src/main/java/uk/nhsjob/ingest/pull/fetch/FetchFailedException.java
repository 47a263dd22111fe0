package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.Nullable;

/**
 * A fetch that brought no usable document. Placeholder until the fetch branch lands.
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
