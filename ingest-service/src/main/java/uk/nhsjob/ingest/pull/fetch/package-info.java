/**
 * Fetching a pulled source's document over HTTP. Placeholder until the fetch branch
 * lands.
 */
@NullMarked
package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.NullMarked;
