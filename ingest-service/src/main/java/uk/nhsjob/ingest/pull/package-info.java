/**
 * Pulled sources: the settings of a source whose feed the service fetches itself, the
 * schedule that fetches it once every period (with back-off after a failure, and a pause
 * after too many), and the pulls' history; each pull is taken in as a feed of its source
 * (docs/feeds.md, "Pulled sources").
 */
@NullMarked
package uk.nhsjob.ingest.pull;

import org.jspecify.annotations.NullMarked;
