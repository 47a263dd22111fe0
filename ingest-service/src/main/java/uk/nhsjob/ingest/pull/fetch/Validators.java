package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.Nullable;

/**
 * ETag and Last-Modified of the last successful fetch, either may be null; sent back as
 * {@code If-None-Match} and {@code If-Modified-Since} so that an unchanged source answers
 * {@code 304}.
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

	private static final Validators NONE = new Validators(null, null);

	public static Validators none() {
		return NONE;
	}

}
