package uk.nhsjob.ingest.feed.format;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.MediaType;

/**
 * Reads one format of feed document, handing each vacancy on as soon as it is read, so
 * that a reader never holds more than one vacancy of the document. Reading the same bytes
 * twice yields the same vacancies.
 */
public interface FeedReader {

	/** The content types this reader reads; parameters such as charset are ignored. */
	List<MediaType> contentTypes();

	/**
	 * Reads the whole document, in document order.
	 * @throws UnreadableFeedException when the document as a whole cannot be read; the
	 * entries handed on before it must then be discarded
	 */
	void read(byte[] document, Consumer<FeedEntry> each) throws UnreadableFeedException;

}
