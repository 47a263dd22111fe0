package uk.nhsjob.ingest.feed.format;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * One vacancy of a document as read.
 *
 * @param index 0-based, in document order
 * @param line the physical line (1-based) the vacancy starts on, where the format has
 * lines that mean something to the sender (CSV)
 */
public record FeedEntry(int index, @Nullable Integer line, RawVacancy vacancy) {

}
