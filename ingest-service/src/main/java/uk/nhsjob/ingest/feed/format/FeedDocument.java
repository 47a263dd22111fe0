package uk.nhsjob.ingest.feed.format;

import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A document that was read through once and found readable as a whole. Its vacancies are
 * read again, one at a time, each time they are wanted, so none of them is held in
 * between.
 *
 * @param size how many vacancies it holds
 * @param lastIndexOfRepeatedIds for each id (external id, else reference) that more than
 * one vacancy carries, the index of the last: the one that wins, if it is accepted
 */
public record FeedDocument(FeedReader reader, byte[] bytes, int size, Map<String, Integer> lastIndexOfRepeatedIds) {

	public FeedDocument {
		lastIndexOfRepeatedIds = Map.copyOf(lastIndexOfRepeatedIds);
	}

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

	/** Whether a later vacancy of the document carries the same id as this one. */
	public boolean isRepeatedLater(FeedEntry entry) {
		@Nullable String id = entry.vacancy().externalIdOrReference();
		Integer last = (id != null) ? this.lastIndexOfRepeatedIds.get(id) : null;
		return last != null && last > entry.index();
	}

	/** Whether this vacancy is the last of several that carry its id. */
	public boolean isLastOfRepeated(FeedEntry entry) {
		@Nullable String id = entry.vacancy().externalIdOrReference();
		Integer last = (id != null) ? this.lastIndexOfRepeatedIds.get(id) : null;
		return last != null && last == entry.index();
	}

}
