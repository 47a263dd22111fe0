package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;

/**
 * Takes the alert stream: a match goes into the delivery ledger for the
 * {@link EmailSender}; a welcome set is emailed at once, ledgered so that none of its
 * vacancies is sent again.
 */
@Component
class AlertDelivery {

	private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

	private final RecipientRegistry recipients;

	private final DeliveryLedger ledger;

	private final ClosedVacancies closedVacancies;

	private final AlertMailer mailer;

	private final DeliverySchedule schedule;

	private final DeliveryFaults faults;

	private final Clock clock;

	AlertDelivery(RecipientRegistry recipients, DeliveryLedger ledger, ClosedVacancies closedVacancies,
			AlertMailer mailer, DeliverySchedule schedule, ObjectProvider<DeliveryFaults> faults, Clock clock) {
		this.recipients = recipients;
		this.ledger = ledger;
		this.closedVacancies = closedVacancies;
		this.mailer = mailer;
		this.schedule = schedule;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.ALERTS, groupId = "notifier-service.alerts",
			properties = "spring.json.value.default.type=uk.nhsjob.common.match.AlertMatch")
	void on(AlertMatch match) {
		if (match instanceof VacancyMatched matched) {
			deliver(matched);
		}
		else if (match instanceof WelcomeSetMatched welcome) {
			deliver(welcome);
		}
	}

	/**
	 * Only records the match, with what its email needs, and returns: the offset is
	 * committed after the ledger write, and the {@link EmailSender} sends it when due.
	 */
	private void deliver(VacancyMatched match) {
		Recipient recipient = recipientOf(match);
		Delivery delivery = this.ledger.record(match.alertId(), match.vacancy(),
				this.schedule.dueAt(recipient.frequency(), this.clock.instant()));
		this.faults.afterRecorded(delivery.id());
	}

	/**
	 * The welcome email, ledgered under {@link DeliveryLedger#WELCOME}; each vacancy it
	 * lists is ledgered too, so none of them is sent to the alert again.
	 */
	private void deliver(WelcomeSetMatched welcome) {
		Recipient recipient = recipientOf(welcome);
		Delivery email = this.ledger.open(welcome.alertId(), DeliveryLedger.WELCOME);
		if (email.state().isSettled()) {
			log.debug("Already {}: {}", email.state(), email.id());
			return;
		}
		List<String> ids = new ArrayList<>(List.of(email.id()));
		List<MatchedVacancy> listed = new ArrayList<>();
		int leftOut = 0;
		for (MatchedVacancy vacancy : welcome.vacancies()) {
			Delivery delivery = this.ledger.open(welcome.alertId(), vacancy.vacancyId(), email.id());
			if (delivery.state().isSettled() && !delivery.emailKey().equals(email.id())) {
				leftOut++; // an earlier email offered it already
				continue;
			}
			if (delivery.vacancy() != null) {
				leftOut++; // recorded from an instant match: the sender's email carries
							// it
				continue;
			}
			String reason = reasonToLeaveOut(vacancy);
			if (reason != null) {
				this.ledger.skip(List.of(delivery.id()), reason);
				leftOut++;
				continue;
			}
			ids.add(delivery.id());
			listed.add(vacancy);
		}
		String reason = reasonNotToSend(recipient);
		if (reason != null) {
			this.ledger.skip(ids, reason);
			log.info("Skipped {}: {}", email.id(), reason);
			return;
		}
		this.ledger.mark(ids, DeliveryState.SENDING);
		this.mailer.sendWelcome(email.id(), recipient.addressee(), listed, welcome.totalMatching() - leftOut);
		this.ledger.mark(ids, DeliveryState.SENT);
	}

	/**
	 * The alert's recipient, once the notifier has read the profile state the match was
	 * made against: the matcher matches only active alerts, so a recipient not active
	 * since before the match means the activation is still on its way.
	 */
	private Recipient recipientOf(AlertMatch match) {
		Recipient recipient = this.recipients.find(match.alertId())
			.orElseThrow(() -> new RecipientNotReady("no profile yet for alert " + match.alertId()));
		if (!recipient.isActive() && recipient.changedAt().isBefore(match.occurredAt())) {
			throw new RecipientNotReady(
					"alert " + match.alertId() + " is " + recipient.status() + " in a profile older than its match");
		}
		return recipient;
	}

	private static @Nullable String reasonNotToSend(Recipient recipient) {
		return recipient.isActive() ? null : "alert " + recipient.status();
	}

	private @Nullable String reasonToLeaveOut(MatchedVacancy vacancy) {
		if (this.closedVacancies.contains(vacancy.vacancyId())) {
			return "vacancy closed";
		}
		LocalDate closingDate = vacancy.closingDate();
		if (closingDate != null && closingDate.isBefore(LocalDate.now(this.clock))) {
			return "closing date passed";
		}
		return null;
	}

}
