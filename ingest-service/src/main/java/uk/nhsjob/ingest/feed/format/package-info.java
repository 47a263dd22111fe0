/**
 * The feed formats: native JSON, schema.org JobPosting JSON-LD, the NHS Jobs XML shape
 * and CSV, each read as a stream into raw vacancies for the normaliser, one at a time.
 * {@link uk.nhsjob.ingest.feed.format.FeedFormats} chooses the reader by content type and
 * checks a whole document before anything of it is taken in.
 */
@NullMarked
package uk.nhsjob.ingest.feed.format;

import org.jspecify.annotations.NullMarked;
