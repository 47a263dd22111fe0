package uk.nhsjob.ingest.feed.format;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.Problems;

/**
 * The feed formats this service reads, by content type, and the check of a whole document
 * before any of it is taken in: {@code 415} for a type no reader reads, {@code 400} for a
 * document that cannot be read or is refused (a DTD, say).
 */
@Component
public class FeedFormats {

	private final List<FeedReader> readers;

	FeedFormats(List<FeedReader> readers) {
		this.readers = List.copyOf(readers);
	}

	/** Every content type a feed may be sent as. */
	public List<MediaType> contentTypes() {
		return this.readers.stream().flatMap((reader) -> reader.contentTypes().stream()).toList();
	}

	/**
	 * The reader for a content type, checked before the body is read.
	 * @throws ErrorResponseException {@code 415} when no reader reads it
	 */
	public FeedReader readerFor(@Nullable String contentType) {
		MediaType type = null;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (InvalidMediaTypeException ex) {
			// answered below like any other type we do not read
		}
		for (FeedReader reader : this.readers) {
			for (MediaType readable : reader.contentTypes()) {
				if (type != null && readable.equalsTypeAndSubtype(type)) {
					return reader;
				}
			}
		}
		throw unsupported(contentType);
	}

	/**
	 * Reads the whole document once, keeping only the count and the ids that repeat, so
	 * that a document that fails anywhere is refused before any of its vacancies is taken
	 * in.
	 * @throws ErrorResponseException {@code 400} naming the line or path when it cannot
	 * be read
	 */
	public FeedDocument check(FeedReader reader, byte[] document) {
		return check(List.of(new FeedDocument.Page(reader, document)));
	}

	/**
	 * Reads every page of a pulled document once, as {@link #check(FeedReader, byte[])}
	 * does one: its vacancies are indexed across the pages, in order.
	 * @throws ErrorResponseException {@code 400} naming the line or path when a page
	 * cannot be read
	 */
	public FeedDocument check(List<FeedDocument.Page> pages) {
		int[] size = { 0 };
		Map<String, Integer> lastIndexById = new HashMap<>();
		Set<String> repeated = new HashSet<>();
		try {
			FeedDocument.readAll(pages, (entry) -> {
				size[0]++;
				String id = entry.vacancy().externalIdOrReference();
				if (id != null && lastIndexById.put(id, entry.index()) != null) {
					repeated.add(id);
				}
			});
		}
		catch (UnreadableFeedException ex) {
			ErrorResponseException problem = Problems.of(HttpStatus.BAD_REQUEST, ex.getMessage());
			if (ex.line() != null) {
				problem.getBody().setProperty("line", ex.line());
			}
			if (ex.path() != null) {
				problem.getBody().setProperty("path", ex.path());
			}
			throw problem;
		}
		lastIndexById.keySet().retainAll(repeated);
		return new FeedDocument(pages, size[0], lastIndexById);
	}

	private ErrorResponseException unsupported(@Nullable String contentType) {
		List<MediaType> readable = contentTypes();
		ErrorResponseException problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				((contentType != null) ? "Content-Type " + contentType : "A body without a Content-Type")
						+ " is not a feed format this service reads; send one of " + readable + ".");
		problem.getHeaders().setAccept(readable);
		return problem;
	}

}
