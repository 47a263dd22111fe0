package uk.nhsjob.matcher.alert;

/**
 * An alert's tombstone is published and its document is about to be deleted: whatever
 * else this service holds about the alert is to be deleted now. Published inside this
 * service only, synchronously; a listener that fails makes the outbox try the whole step
 * again, so listeners must be idempotent.
 */
public record AlertErased(String alertId) {
}
