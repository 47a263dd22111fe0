package uk.nhsjob.ingest.feed.format;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A document that was read through once and found readable as a whole: one page for a
 * pushed feed, one or more for a pulled one (its vacancies indexed across the pages, in
 * order). Its vacancies are read again, one at a time, each time they are wanted, so none
 * of them is held in between.
 *
 * @param size how many vacancies it holds
 * @param lastIndexOfRepeatedIds for each id (external id, else reference) that more than
 * one vacancy carries, the index of the last: the one that wins, if it is accepted
 */
public record FeedDocument(List<Page> pages, int size, Map<String, Integer> lastIndexOfRepeatedIds) {

	public FeedDocument {
		pages = List.copyOf(pages);
		lastIndexOfRepeatedIds = Map.copyOf(lastIndexOfRepeatedIds);
	}

	/** Hands on every vacancy, in document order, pages in order. */
	public void forEach(Consumer<FeedEntry> each) {
		try {
			readAll(this.pages, each);
		}
		catch (UnreadableFeedException ex) {
			// readers are deterministic: the first reading of these bytes succeeded
			throw new IllegalStateException("A document read once could not be read again", ex);
		}
	}

	/**
	 * Reads the pages in order, numbering their vacancies on from one page to the next.
	 */
	static void readAll(List<Page> pages, Consumer<FeedEntry> each) throws UnreadableFeedException {
		int[] offset = { 0 };
		for (Page page : pages) {
			int[] count = { 0 };
			page.reader().read(page.bytes(), (entry) -> {
				count[0]++;
				each.accept((offset[0] == 0) ? entry
						: new FeedEntry(offset[0] + entry.index(), entry.line(), entry.vacancy()));
			});
			offset[0] += count[0];
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

	/** One page of a document, and the reader of its format. */
	public record Page(FeedReader reader, byte[] bytes) {
	}

}
