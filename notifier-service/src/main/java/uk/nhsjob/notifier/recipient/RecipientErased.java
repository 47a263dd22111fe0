package uk.nhsjob.notifier.recipient;

/**
 * An alert was erased: whatever else the notifier holds about it must go too. Published
 * in the listener's thread, so a listener's failure makes the tombstone be retried.
 */
public record RecipientErased(String alertId) {

}
