package uk.nhsjob.ingest.feed.format;

import java.util.function.Consumer;

/**
 * A document that was read through once and found readable as a whole. Its vacancies are
 * read again, one at a time, each time they are wanted, so none of them is held in
 * between.
 *
 * @param size how many vacancies it holds
 */
public record FeedDocument(FeedReader reader, byte[] bytes, int size) {

	/** Hands on every vacancy, in document order. */
	public void forEach(Consumer<FeedEntry> each) {
		try {
			this.reader.read(this.bytes, each);
		}
		catch (UnreadableFeedException ex) {
			// readers are deterministic: the first reading of these bytes succeeded
			throw new IllegalStateException("A document read once could not be read again", ex);
		}
	}

}
