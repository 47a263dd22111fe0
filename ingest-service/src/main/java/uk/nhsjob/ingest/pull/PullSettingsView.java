package uk.nhsjob.ingest.pull;

/**
 * A source's pull settings as the admin API answers them.
 *
 * @param every an ISO 8601 duration
 */
record PullSettingsView(String sourceId, String url, String format, String every, String mode) {

}
