package uk.nhsjob.ingest.pull.fetch;

/**
 * One page, contentType one the feed endpoint accepts (application/xml,
 * application/ld+json, text/csv, application/json). Placeholder until the fetch branch
 * lands.
 */
public record PulledPage(byte[] body, String contentType) {

}
