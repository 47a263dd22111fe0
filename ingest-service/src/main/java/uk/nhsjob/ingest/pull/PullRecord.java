package uk.nhsjob.ingest.pull;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.ingest.feed.Receipt;

/**
 * One pull as the operator sees it.
 *
 * @param outcome {@code published} (taken in as a feed; its receipt),
 * {@code not-modified} (a {@code 304}: nothing changed), {@code failed} (nothing
 * published or closed; the error) or {@code busy} (another feed of the source held it;
 * tried again soon)
 * @param httpStatus what the source answered, when it answered
 * @param pending of the receipt's vacancies, how many the broker has not acknowledged
 * yet; they are published when it does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PullRecord(Instant at, String outcome, @Nullable Integer httpStatus, @Nullable Receipt receipt,
		@Nullable Integer pending, @Nullable String error) {

	static final String PUBLISHED = "published";

	static final String NOT_MODIFIED = "not-modified";

	static final String FAILED = "failed";

	static final String BUSY = "busy";

}
