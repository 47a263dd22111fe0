package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.Nullable;

/**
 * A source's {@code ETag} and {@code Last-Modified}, sent back on the next fetch.
 * Placeholder until the fetch branch lands.
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

	public static Validators none() {
		return new Validators(null, null);
	}

}
