package uk.nhsjob.notifier.delivery;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.smtp.SmtpConnection;
import uk.nhsjob.notifier.smtp.SmtpRefusal;

/**
 * Sends one claimed email on its lane's connection, and writes what became of it: SENT as
 * soon as the server accepts it, SKIPPED for an alert no longer active or a vacancy left
 * out, SUPPRESSED or FAILED after a refusal ({@link Refusals}).
 */
@Component
class EmailDispatch {

	private static final Logger log = LoggerFactory.getLogger(EmailDispatch.class);

	private final DeliveryLedger ledger;

	private final AlertMailer mailer;

	private final Refusals refusals;

	private final DeliveryFaults faults;

	EmailDispatch(DeliveryLedger ledger, AlertMailer mailer, Refusals refusals, ObjectProvider<DeliveryFaults> faults) {
		this.ledger = ledger;
		this.mailer = mailer;
		this.refusals = refusals;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
	}

	void send(ClaimedEmail email, RoundFacts facts, SmtpConnection smtp) {
		Recipient recipient = facts.recipientOf(email);
		if (recipient == null || !recipient.isActive()) {
			String reason = (recipient != null) ? "alert " + recipient.status() : "alert erased";
			this.ledger.skip(email.ids(), reason);
			log.info("Skipped email {}: {}", email.key(), reason);
			return;
		}
		String suppression = facts.suppressed().get(recipient.address());
		if (suppression != null) {
			this.refusals.suppressed(email, suppression);
			return;
		}
		ClaimedEmail.Contents contents = email.contents(facts.closed(), facts.today());
		contents.leftOut().forEach((id, reason) -> this.ledger.skip(List.of(id), reason));
		if (contents.isEmpty()) {
			return;
		}
		Integer welcomeTotal = contents.welcomeTotal();
		MimeMessage message = (welcomeTotal != null)
				? this.mailer.welcomeEmail(email.key(), recipient.addressee(), contents.vacancies(), welcomeTotal)
				: this.mailer.matchesEmail(email.key(), recipient.addressee(), contents.vacancies());
		this.faults.beforeData(email.key());
		try {
			smtp.send(message);
		}
		catch (SmtpRefusal refusal) {
			this.refusals.refused(email, contents.listed(), recipient, refusal, facts);
			return;
		}
		this.faults.afterAccepted(email.key());
		this.ledger.mark(contents.listed(), DeliveryState.SENT);
		this.mailer.countSent(contents.isWelcome());
	}

}
