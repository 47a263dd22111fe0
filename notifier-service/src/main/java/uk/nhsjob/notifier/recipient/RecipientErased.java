package uk.nhsjob.notifier.recipient;

import org.jspecify.annotations.Nullable;

/**
 * An alert was erased: whatever else the notifier holds about it must go too, and, when
 * it was the last alert of its address here, what it holds about the address. Published
 * in the listener's thread before the recipient is deleted, so a listener's failure, or a
 * crash, makes the tombstone be retried with the address still known.
 *
 * @param alertId the alert
 * @param address its address, when the notifier knew the alert
 * @param lastOfAddress whether no other alert of the address is left here
 */
public record RecipientErased(String alertId, @Nullable String address, boolean lastOfAddress) {

	/** An alert the notifier held nothing about but its id. */
	public RecipientErased(String alertId) {
		this(alertId, null, false);
	}

}
