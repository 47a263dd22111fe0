package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.notifier.smtp.SmtpConnection;
import uk.nhsjob.notifier.smtp.SmtpRefusal;

/**
 * Sends the emails the ledger says are due, each round on one SMTP connection: first
 * those a crash left SENDING and the failed ones due for another attempt (each under its
 * first Message-ID), then the alerts whose pending matches are due, one email per alert.
 * A refusal of one email does not hold up the others.
 */
@Component
class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final DeliveryLedger ledger;

	private final DeliverySchedule schedule;

	private final DeliverySettings settings;

	private final RecipientRegistry recipients;

	private final ClosedVacancies closedVacancies;

	private final Suppressions suppressions;

	private final AlertMailer mailer;

	private final JavaMailSenderImpl mailSender;

	private final DeliveryFaults faults;

	private final Clock clock;

	private final Counter retried;

	private final Counter suppressed;

	EmailSender(DeliveryLedger ledger, DeliverySchedule schedule, DeliverySettings settings,
			RecipientRegistry recipients, ClosedVacancies closedVacancies, Suppressions suppressions,
			AlertMailer mailer, JavaMailSenderImpl mailSender, ObjectProvider<DeliveryFaults> faults, Clock clock,
			MeterRegistry meters) {
		this.ledger = ledger;
		this.schedule = schedule;
		this.settings = settings;
		this.recipients = recipients;
		this.closedVacancies = closedVacancies;
		this.suppressions = suppressions;
		this.mailer = mailer;
		this.mailSender = mailSender;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
		this.clock = clock;
		this.retried = Counter.builder("notifier.emails.retried")
			.description("Emails the SMTP server refused for now (4xx, timeout), to be tried again")
			.register(meters);
		this.suppressed = Counter.builder("notifier.emails.suppressed")
			.description("Emails not sent because the SMTP server refused the address for good (5xx)")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${nhsjob.notifier.delivery.poll-interval:1s}")
	void sendDue() {
		// a full round means there may be more: go on without waiting for the next poll
		while (sendRound() >= this.settings.batchSize()) {
			log.debug("Full round sent; looking for more");
		}
	}

	/** Sends one round of at most a batch of emails; returns how many it took on. */
	private int sendRound() {
		Instant now = this.clock.instant();
		List<String> emails = new ArrayList<>(
				this.ledger.emailsToResend(now.minus(this.settings.sendingTimeout()), now, this.settings.batchSize()));
		Instant dueBy = now.plus(this.schedule.coalescingWindow());
		for (String alertId : this.ledger.alertsDue(now, this.settings.batchSize())) {
			String emailKey = alertId + "/email/" + UUID.randomUUID();
			if (!this.ledger.claim(alertId, dueBy, emailKey).isEmpty()) {
				emails.add(emailKey);
			}
		}
		if (emails.isEmpty()) {
			return 0;
		}
		try (SmtpConnection smtp = new SmtpConnection(this.mailSender)) {
			for (String emailKey : emails) {
				send(emailKey, smtp);
			}
		}
		return emails.size();
	}

	private void send(String emailKey, SmtpConnection smtp) {
		List<Delivery> entries = this.ledger.inEmail(emailKey);
		if (entries.isEmpty()) {
			return;
		}
		List<String> ids = entries.stream().map(Delivery::id).toList();
		Optional<Recipient> found = this.recipients.find(entries.get(0).alertId());
		if (found.isEmpty() || !found.get().isActive()) {
			String reason = found.map((recipient) -> "alert " + recipient.status()).orElse("alert erased");
			this.ledger.skip(ids, reason);
			log.info("Skipped email {}: {}", emailKey, reason);
			return;
		}
		Recipient recipient = found.get();
		String suppression = this.suppressions.reasonFor(recipient.address());
		if (suppression != null) {
			this.ledger.suppress(ids, suppression);
			this.suppressed.increment();
			return;
		}
		List<String> listed = new ArrayList<>();
		List<MatchedVacancy> vacancies = new ArrayList<>();
		for (Delivery entry : entries) {
			String reason = reasonToLeaveOut(entry.vacancy());
			if (reason != null) {
				this.ledger.skip(List.of(entry.id()), reason);
			}
			else {
				listed.add(entry.id());
				vacancies.add(entry.vacancy());
			}
		}
		if (vacancies.isEmpty()) {
			return; // an empty email (or digest) is not sent
		}
		MimeMessage email = this.mailer.matchesEmail(emailKey, recipient.addressee(), vacancies);
		this.faults.beforeData(emailKey);
		try {
			smtp.send(email);
		}
		catch (SmtpRefusal refusal) {
			refused(emailKey, recipient, listed, entries.get(0).attempts(), refusal);
			return;
		}
		this.faults.afterAccepted(emailKey);
		this.ledger.mark(listed, DeliveryState.SENT);
		this.mailer.countSentMatches();
	}

	private void refused(String emailKey, Recipient recipient, List<String> ids, int attempts, SmtpRefusal refusal) {
		if (refusal.isPermanent()) {
			this.suppressions.suppress(recipient.address(), refusal.getMessage());
			this.ledger.suppress(ids, refusal.getMessage());
			this.suppressed.increment();
			log.warn("Suppressed the address of alert {}: {}", recipient.alertId(), refusal.getMessage());
		}
		else {
			Instant next = this.clock.instant().plus(this.settings.backOff(attempts));
			this.ledger.fail(ids, refusal.getMessage(), next);
			this.retried.increment();
			log.info("Email {} refused for now ({}); next attempt at {}", emailKey, refusal.getMessage(), next);
		}
	}

	private @Nullable String reasonToLeaveOut(@Nullable MatchedVacancy vacancy) {
		if (vacancy == null) {
			return "nothing to send";
		}
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
