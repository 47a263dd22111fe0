package uk.nhsjob.notifier.recipient;

/**
 * The last alert of an address the notifier held was erased: what it holds about the
 * address must go too. Published in the listener's thread, so a listener's failure makes
 * the tombstone be retried; published again, it changes nothing.
 *
 * @param address the address
 */
public record AddressForgotten(String address) {

}
