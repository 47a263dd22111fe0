package uk.nhsjob.ingest.feed;

import java.util.Locale;

import org.springframework.http.HttpStatus;

import uk.nhsjob.ingest.Problems;

/**
 * {@code delta}: upsert the vacancies given; {@code snapshot}: the body is the source's
 * full list.
 */
enum FeedMode {

	DELTA, SNAPSHOT;

	static FeedMode of(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "mode must be delta or snapshot.");
		}
	}

}
