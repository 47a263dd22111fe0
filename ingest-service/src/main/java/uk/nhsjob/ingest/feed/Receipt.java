package uk.nhsjob.ingest.feed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.ingest.normalise.FieldError;

/**
 * What became of a feed.
 *
 * @param received vacancies in the document
 * @param published new or changed vacancies, acknowledged by the broker
 * @param unchanged vacancies the same as their latest revision
 * @param closed open vacancies a snapshot left out
 * @param rejected vacancies refused for their content
 */
public record Receipt(String feedId, int received, int published, int unchanged, int closed, List<Rejection> rejected) {

	public Receipt {
		rejected = List.copyOf(rejected);
	}

	/**
	 * @param index 0-based, in document order
	 * @param line where the vacancy starts in a CSV document; not given for other formats
	 */
	public record Rejection(int index, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer line,
			@Nullable String externalId, List<FieldError> errors) {

		public Rejection {
			errors = List.copyOf(errors);
		}

	}

}
