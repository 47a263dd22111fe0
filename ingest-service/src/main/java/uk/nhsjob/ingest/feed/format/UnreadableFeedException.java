package uk.nhsjob.ingest.feed.format;

import org.jspecify.annotations.Nullable;

/**
 * The document as a whole cannot be read, or is refused: nothing of it is published.
 *
 * @see #line() where in the document, when known
 * @see #path() which part of a JSON document, when the syntax was fine but the shape not
 */
public class UnreadableFeedException extends Exception {

	private final @Nullable Integer line;

	private final @Nullable String path;

	UnreadableFeedException(String message, @Nullable Integer line, @Nullable String path) {
		super(message);
		this.line = line;
		this.path = path;
	}

	static UnreadableFeedException atLine(String message, @Nullable Integer line) {
		return new UnreadableFeedException(message, line, null);
	}

	static UnreadableFeedException atPath(String message, String path, @Nullable Integer line) {
		return new UnreadableFeedException(message, line, path);
	}

	public @Nullable Integer line() {
		return this.line;
	}

	public @Nullable String path() {
		return this.path;
	}

}
