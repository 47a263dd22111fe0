package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.notifier.recipient.ConfirmationRequested;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;

/**
 * Takes the alert stream ({@link MatchListener}) into the delivery ledger, and only that:
 * a match becomes a pending entry, a welcome set a pending welcome email with an entry
 * per vacancy (both parked while the alert's profile has not been read,
 * {@link ParkedMatches}); and so do the confirmation requests the profile stream asks for
 * ({@link ConfirmationRequested}). The offset is committed after the ledger write; the
 * {@link EmailSender} sends when due, so every email has the same guarantees whatever a
 * crash interrupts.
 */
@Component
class AlertDelivery {

	private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

	private final RecipientRegistry recipients;

	private final DeliveryLedger ledger;

	private final CoalescingRule coalescing;

	private final DeliveryFaults faults;

	private final Clock clock;

	private final ParkedMatches parked;

	AlertDelivery(RecipientRegistry recipients, DeliveryLedger ledger, CoalescingRule coalescing,
			ObjectProvider<DeliveryFaults> faults, Clock clock, ParkedMatches parked) {
		this.recipients = recipients;
		this.ledger = ledger;
		this.parked = parked;
		this.coalescing = coalescing;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
		this.clock = clock;
	}

	/**
	 * Records the match (or welcome set) in the ledger, due as the coalescing rule says;
	 * or parked, when the notifier has not read the profile the match was made against,
	 * so that the records behind it go on (docs/emails.md, "Parked matches").
	 */
	void record(AlertMatch match) {
		requireWhole(match);
		Optional<Recipient> found = this.recipients.find(match.alertId());
		if (found.isEmpty() && this.recipients.isErased(match.alertId())) {
			log.info("Dropping a match of alert {}: the alert was erased", match.alertId());
			return;
		}
		if (isAheadOfItsProfile(match, found)) {
			park(match);
			return;
		}
		Recipient recipient = found.orElseThrow();
		String recorded;
		if (match instanceof VacancyMatched matched) {
			recorded = this.ledger.record(matched.alertId(), matched.vacancy(),
					this.coalescing.dueAt(recipient.frequency(), this.clock.instant()));
		}
		else if (match instanceof WelcomeSetMatched welcome) {
			// keyed by the alert: the matcher sends an alert one welcome set, however
			// often it is confirmed
			recorded = this.ledger.recordWelcome(welcome.alertId(), welcome.vacancies(), welcome.totalMatching());
		}
		else {
			return;
		}
		this.faults.afterRecorded(recorded);
	}

	/**
	 * A record without its alert, time or vacancies can never be recorded: an
	 * {@link IllegalArgumentException}, which the failure policy dead-letters at once
	 * (docs/operations.md, "Dead letters"), rather than a failure further on that it
	 * would retry first.
	 */
	@SuppressWarnings("ConstantValue") // hostile input: JSON leaves out what it likes
	private static void requireWhole(AlertMatch match) {
		boolean whole = match.alertId() != null && match.occurredAt() != null;
		if (match instanceof VacancyMatched matched) {
			whole = whole && matched.vacancy() != null && matched.vacancy().vacancyId() != null;
		}
		else if (match instanceof WelcomeSetMatched welcome) {
			whole = whole && welcome.vacancies() != null
					&& welcome.vacancies()
						.stream()
						.allMatch((vacancy) -> vacancy != null && vacancy.vacancyId() != null);
		}
		if (!whole) {
			throw new IllegalArgumentException("a match without its alert id, time or vacancies");
		}
	}

	/**
	 * The matcher matches only active alerts, so no profile, or a recipient not active
	 * since before the match, means the activation is still on its way.
	 */
	private static boolean isAheadOfItsProfile(AlertMatch match, Optional<Recipient> found) {
		return found.map((recipient) -> !recipient.isActive() && recipient.changedAt().isBefore(match.occurredAt()))
			.orElse(true);
	}

	private void park(AlertMatch match) {
		String recorded;
		if (match instanceof VacancyMatched matched) {
			recorded = this.ledger.park(matched.alertId(), matched.vacancy(), matched.occurredAt());
		}
		else if (match instanceof WelcomeSetMatched welcome) {
			recorded = this.ledger.parkWelcome(welcome.alertId(), welcome.vacancies(), welcome.totalMatching(),
					welcome.occurredAt());
		}
		else {
			return;
		}
		log.info("Parked a match of alert {} until its profile arrives", match.alertId());
		this.faults.afterRecorded(recorded);
		// the profile may have been handled since it was looked up: what it says
		// decides the match now rather than at the next sweep
		Optional<Recipient> now = this.recipients.find(match.alertId());
		if (now.isPresent()) {
			this.parked.release(now.get());
		}
		else if (this.recipients.isErased(match.alertId())) {
			this.ledger.forgetAlert(match.alertId());
		}
	}

	/**
	 * Records a confirmation request, with the link of that request, in the profile
	 * listener's thread: the profile record's offset is committed after the write.
	 */
	@EventListener
	void record(ConfirmationRequested requested) {
		String recorded = this.ledger.recordConfirmation(requested.alertId(), requested.request(),
				new OneOffEmail(OneOffEmail.Kind.CONFIRMATION, requested.address(), requested.confirmUrl(),
						requested.criteriaDescription(), requested.notMeUrl()));
		this.faults.afterRecorded(recorded);
	}

}
