package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientChanged;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * Decides the matches parked in the ledger for an alert whose profile the notifier had
 * not read (docs/emails.md, "Parked matches"), once it has: an ACTIVE alert's are made
 * due as if recorded then; an alert not active in a profile newer than the match gets
 * none of them (SKIPPED); an erased alert's go with the rest of its entries.
 * <p>
 * The profile listener's thread releases them ({@link RecipientChanged}). A match parked
 * just after its profile was handled (the alert listener saw no profile, then the profile
 * listener released nothing, then the park was written) is released by the sweep, which
 * any instance runs every {@code nhsjob.notifier.delivery.parked-sweep-interval}: every
 * write is conditional on the entry still being PARKED, so instances that release the
 * same entries at once change it once. The sweep also removes what is parked longer than
 * {@code nhsjob.notifier.delivery.parked-for}, and sets the gauge
 * {@code notifier.matches.parked}. A failed sweep is reported through the background
 * reader {@code parked matches}.
 */
@Component
class ParkedMatches {

	private static final Logger log = LoggerFactory.getLogger(ParkedMatches.class);

	private final DeliveryLedger ledger;

	private final RecipientRegistry recipients;

	private final CoalescingRule coalescing;

	private final DeliverySettings settings;

	private final Clock clock;

	private final BackgroundReader reader;

	private final AtomicLong parked = new AtomicLong();

	ParkedMatches(DeliveryLedger ledger, RecipientRegistry recipients, CoalescingRule coalescing,
			DeliverySettings settings, Clock clock, BackgroundReaders readers, MeterRegistry meters) {
		this.ledger = ledger;
		this.recipients = recipients;
		this.coalescing = coalescing;
		this.settings = settings;
		this.clock = clock;
		this.reader = readers.register("parked matches");
		Gauge.builder("notifier.matches.parked", this.parked, AtomicLong::get)
			.description("Matches parked in the delivery ledger for alerts whose profile has not been read, "
					+ "as of the last sweep")
			.register(meters);
	}

	@EventListener
	void on(RecipientChanged changed) {
		release(changed.recipient());
	}

	/**
	 * Decides the alert's parked matches by the state the notifier now holds of it.
	 */
	void release(Recipient recipient) {
		String alertId = recipient.alertId();
		if (recipient.isActive()) {
			Instant dueAt = this.coalescing.dueAt(recipient.frequency(), this.clock.instant());
			long released = this.ledger.releaseParked(alertId, dueAt);
			if (released > 0) {
				log.info("Released {} parked match(es) of alert {}", released, alertId);
			}
		}
		else {
			long skipped = this.ledger.skipParked(alertId, recipient.changedAt(), "alert " + recipient.status());
			if (skipped > 0) {
				log.info("Skipped {} parked match(es) of alert {}: the alert is {}", skipped, alertId,
						recipient.status());
			}
		}
	}

	/**
	 * Settles what was parked just as its alert's profile arrived, or for an alert erased
	 * meanwhile, and removes what was parked too long.
	 */
	@Scheduled(fixedDelayString = "${nhsjob.notifier.delivery.parked-sweep-interval:1m}")
	void sweep() {
		try {
			expire();
			List<String> alertIds = this.ledger.parkedAlerts();
			Map<String, Recipient> known = this.recipients.findAll(alertIds);
			for (String alertId : alertIds) {
				Recipient recipient = known.get(alertId);
				if (recipient != null) {
					release(recipient);
				}
				else if (this.recipients.isErased(alertId)) {
					this.ledger.forgetAlert(alertId);
				}
			}
			this.parked.set(this.ledger.countParked());
			this.reader.caughtUp();
		}
		catch (RuntimeException ex) {
			// MongoDB away, say: the next sweep tries again. Only the kind of failure: a
			// driver's message may quote a document.
			this.reader.failed(ex);
			log.warn("Sweep of parked matches failed, tried again in the next one: {}", ex.getClass().getName());
		}
	}

	private void expire() {
		Instant recordedBefore = this.clock.instant().minus(this.settings.parkedFor());
		this.ledger.expireParked(recordedBefore)
			.forEach((alertId, count) -> log.warn(
					"Removed {} match(es) of alert {} parked for more than {}: no profile of the alert arrived", count,
					alertId, this.settings.parkedFor()));
	}

}
