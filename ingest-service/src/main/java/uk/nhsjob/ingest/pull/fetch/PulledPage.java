package uk.nhsjob.ingest.pull.fetch;

/**
 * One page of a pull, ready for the feed readers: contentType is one the feed endpoint
 * accepts (application/xml, application/ld+json, text/csv, application/json).
 */
public record PulledPage(byte[] body, String contentType) {

}
