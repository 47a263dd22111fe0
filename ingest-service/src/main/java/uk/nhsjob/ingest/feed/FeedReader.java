package uk.nhsjob.ingest.feed;

import java.util.List;

import org.springframework.http.MediaType;

import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * Reads one format of feed document into raw vacancies, in document order.
 */
interface FeedReader {

	/** The content types this reader reads; parameters such as charset are ignored. */
	List<MediaType> contentTypes();

	List<RawVacancy> read(byte[] document) throws UnreadableFeedException;

}
