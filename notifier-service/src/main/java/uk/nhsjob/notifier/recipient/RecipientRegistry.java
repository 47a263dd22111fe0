package uk.nhsjob.notifier.recipient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;

/**
 * Keeps a {@link Recipient} per alert from the profile stream ({@link ProfileListener}),
 * tells the delivery ledger of each new state ({@link RecipientChanged}, which releases
 * the matches parked for the alert), hands the confirmation emails it asks for to the
 * ledger ({@link ConfirmationRequested}), and forgets an alert on its tombstone,
 * remembering only that it was erased ({@link ErasedAlerts}) so that no later record of
 * the alert brings it back.
 */
@Component
public class RecipientRegistry {

	private static final Logger log = LoggerFactory.getLogger(RecipientRegistry.class);

	private final Recipients recipients;

	private final ErasedAlerts erasedAlerts;

	private final ApplicationEventPublisher events;

	RecipientRegistry(Recipients recipients, ErasedAlerts erasedAlerts, ApplicationEventPublisher events) {
		this.recipients = recipients;
		this.erasedAlerts = erasedAlerts;
		this.events = events;
	}

	public Optional<Recipient> find(String alertId) {
		return this.recipients.findById(alertId);
	}

	/** The recipients of those alerts that have one, by alert id, in one query. */
	public Map<String, Recipient> findAll(Collection<String> alertIds) {
		Map<String, Recipient> found = new HashMap<>();
		this.recipients.findAllById(alertIds).forEach((recipient) -> found.put(recipient.alertId(), recipient));
		return found;
	}

	/**
	 * Whether the alert was erased: its matches are dropped, since no profile will ever
	 * make it a recipient again.
	 */
	public boolean isErased(String alertId) {
		return this.erasedAlerts.isErased(alertId);
	}

	/** Applies the profile stream's record of an alert: its new state, or a tombstone. */
	void apply(String alertId, @Nullable AlertProfileChanged profile) {
		if (profile == null) {
			erase(alertId);
		}
		else {
			update(profile);
		}
	}

	private void update(AlertProfileChanged profile) {
		if (this.erasedAlerts.isErased(profile.alertId())) {
			// published or replayed after the tombstone: an erased alert stays erased
			log.info("Ignoring revision {} of alert {}: the alert was erased", profile.revision(), profile.alertId());
			return;
		}
		Optional<Recipient> stored = this.recipients.findById(profile.alertId());
		if (stored.isPresent() && stored.get().revision() > profile.revision()) {
			log.debug("Ignoring revision {} of alert {}: revision {} is stored", profile.revision(), profile.alertId(),
					stored.get().revision());
			return;
		}
		int confirmationsRecorded = stored.map(Recipient::confirmationsRecorded).orElse(0);
		Recipient recipient = this.recipients.save(Recipient.of(profile, confirmationsRecorded));
		if (this.erasedAlerts.isErased(profile.alertId())) {
			// the tombstone was applied meanwhile (another instance, during a rebalance)
			this.recipients.deleteById(profile.alertId());
			return;
		}
		// the matches that waited for this alert's profile are released, or skipped
		this.events.publishEvent(new RecipientChanged(recipient));
		if (recipient.status() == AlertStatus.PENDING_CONFIRMATION
				&& profile.confirmationRequest() > confirmationsRecorded) {
			// the ledger records it once per request number: a crash before the save
			// below records it again on redelivery, which changes nothing
			this.events.publishEvent(
					new ConfirmationRequested(recipient.alertId(), profile.confirmationRequest(), recipient.address(),
							recipient.criteriaDescription(), recipient.confirmUrl(), recipient.notMeUrl()));
			this.recipients.save(recipient.withConfirmationsRecorded(profile.confirmationRequest()));
			log.info("Recorded confirmation request {} of alert {}", profile.confirmationRequest(),
					recipient.alertId());
			if (this.erasedAlerts.isErased(profile.alertId())) {
				// erased while the request was recorded: forget it with the rest
				forget(recipient, profile.alertId());
			}
		}
	}

	private void erase(String alertId) {
		// remembered first: a crash after it retries the tombstone, which erases again
		this.erasedAlerts.remember(alertId);
		forget(this.recipients.findById(alertId).orElse(null), alertId);
		log.info("Erased alert {}", alertId);
	}

	/**
	 * Deletes the recipient and whatever else is held about the alert, and about its
	 * address when no other alert of it is left: asked before the delete (a crash after
	 * it retries with the address still known) and after it (two instances erasing an
	 * address's last two alerts at once each see the other's before).
	 */
	private void forget(@Nullable Recipient recipient, String alertId) {
		boolean lastBefore = recipient != null && this.recipients.countByAddress(recipient.address()) <= 1;
		if (lastBefore) {
			this.events.publishEvent(new AddressForgotten(recipient.address()));
		}
		this.recipients.deleteById(alertId);
		this.events.publishEvent(new RecipientErased(alertId));
		if (recipient != null && !lastBefore && this.recipients.countByAddress(recipient.address()) == 0) {
			this.events.publishEvent(new AddressForgotten(recipient.address()));
		}
	}

}
