package uk.nhsjob.notifier.recipient;

/**
 * The notifier has stored a new state of an alert from the profile stream: the delivery
 * ledger's matches parked for it are decided by it. Published in the listener's thread,
 * so a listener's failure makes the profile record be retried.
 */
public record RecipientChanged(Recipient recipient) {

}
