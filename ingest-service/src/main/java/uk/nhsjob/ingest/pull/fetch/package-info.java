/**
 * Fetching a pulled source's document safely: only https (plain http only to an allowed
 * loopback), every address a host resolves to checked before connecting and connected to
 * as checked, redirects checked hop by hop, timeouts and the feed size limit while
 * reading, conditional requests, NHS Jobs XML pages followed, and JobPostings gathered
 * from a careers page's JSON-LD (docs/feeds.md, "Pulled sources — how fetching is kept
 * safe").
 */
@NullMarked
package uk.nhsjob.ingest.pull.fetch;

import org.jspecify.annotations.NullMarked;
