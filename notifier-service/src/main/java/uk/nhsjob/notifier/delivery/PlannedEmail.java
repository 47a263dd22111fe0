package uk.nhsjob.notifier.delivery;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An email a sending round means to take on ({@link CoalescingRule#plan}), from the
 * entries the ledger offered: an alert's pending entries that no email carries yet
 * ({@code email} null: they go in a new one), or an email with its key already (a
 * welcome, a confirmation request or a notice, or one to send again).
 *
 * @param alertId the alert it goes to; null for a notice
 * @param email its key within the alert, or null for a new one
 * @param offered the entries the ledger's query returned for it
 * @param inbox for an email of an address's alerts, the keyed hash of the address and
 * whether the email is instant or a digest ({@link CoalescingRule}): the lease the sender
 * takes in the ledger before it claims the email; null for any other email
 */
record PlannedEmail(@Nullable String alertId, @Nullable String email, List<Delivery> offered, @Nullable String inbox) {

	/** An email of one alert. */
	PlannedEmail(@Nullable String alertId, @Nullable String email, List<Delivery> offered) {
		this(alertId, email, offered, null);
	}

	/** The alerts of the entries offered, in order. */
	List<String> alertIds() {
		return this.offered.stream().map(Delivery::alertId).filter(Objects::nonNull).distinct().toList();
	}

	boolean isNew() {
		return this.email == null;
	}

	/** A confirmation request or a notice, whole in its one entry. */
	boolean isOneOff() {
		return this.offered.size() == 1 && this.offered.get(0).isOneOff();
	}

}
