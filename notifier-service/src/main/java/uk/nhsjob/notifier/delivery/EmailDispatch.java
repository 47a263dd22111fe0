package uk.nhsjob.notifier.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.email.AlertSection;
import uk.nhsjob.notifier.email.CombinedUnsubscribe;
import uk.nhsjob.notifier.email.EmailKind;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.smtp.SmtpConnection;
import uk.nhsjob.notifier.smtp.SmtpRefusal;
import uk.nhsjob.notifier.suppression.Suppressions;

/**
 * Sends one claimed email on its lane's connection, and writes what became of it: SENT as
 * soon as the server accepts it, SKIPPED for an alert no longer active or a vacancy left
 * out, SUPPRESSED or FAILED after a refusal ({@link Refusals}). A confirmation request or
 * a notice is built by {@link OneOffEmails}, then goes the same way.
 */
@Component
class EmailDispatch {

	private static final Logger log = LoggerFactory.getLogger(EmailDispatch.class);

	private final DeliveryLedger ledger;

	private final AlertMailer mailer;

	private final Refusals refusals;

	private final OneOffEmails oneOffs;

	private final DeliveryFaults faults;

	private final ClosingSoon closingSoon;

	private final InboxJobs inboxJobs;

	private final Suppressions suppressions;

	EmailDispatch(DeliveryLedger ledger, AlertMailer mailer, Refusals refusals, OneOffEmails oneOffs,
			ObjectProvider<DeliveryFaults> faults, ClosingSoon closingSoon, InboxJobs inboxJobs,
			Suppressions suppressions) {
		this.ledger = ledger;
		this.inboxJobs = inboxJobs;
		this.suppressions = suppressions;
		this.closingSoon = closingSoon;
		this.mailer = mailer;
		this.refusals = refusals;
		this.oneOffs = oneOffs;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
	}

	void send(ClaimedEmail email, RoundFacts facts, SmtpConnection smtp) {
		OneOffEmail oneOff = email.oneOff();
		OutgoingEmail outgoing = (oneOff != null) ? this.oneOffs.prepare(email, oneOff, facts)
				: vacancyEmail(email, facts);
		if (outgoing == null) {
			return;
		}
		this.faults.beforeData(email.key());
		try {
			smtp.send(outgoing.message());
		}
		catch (SmtpRefusal refusal) {
			this.refusals.refused(email, outgoing.listed(), outgoing.address(), refusal, facts);
			return;
		}
		this.faults.afterAccepted(email.key());
		this.ledger.mark(outgoing.listed(), DeliveryState.SENT);
		if (outgoing.inbox() != null) {
			this.inboxJobs.sent(outgoing.inbox(), outgoing.jobs());
		}
		this.mailer.countSent(outgoing.kind());
	}

	/**
	 * The email of an alert's vacancies (or of several alerts of one address, a section
	 * each), or null when there is none to send. The entries of an alert no longer active
	 * are skipped; the others go.
	 */
	private @Nullable OutgoingEmail vacancyEmail(ClaimedEmail claimed, RoundFacts facts) {
		Map<String, Recipient> active = new LinkedHashMap<>();
		for (String alertId : claimed.alertIds()) {
			Recipient recipient = facts.recipients().get(alertId);
			if (recipient != null && recipient.isActive()) {
				active.put(alertId, recipient);
				continue;
			}
			String reason = (recipient != null) ? "alert " + recipient.status() : "alert erased";
			this.ledger.skip(claimed.entries()
				.stream()
				.filter((entry) -> alertId.equals(entry.alertId()))
				.map(Delivery::id)
				.toList(), reason);
			log.info("Skipped the entries of alert {} in email {}: {}", alertId, claimed.key(), reason);
		}
		if (active.isEmpty()) {
			return null;
		}
		ClaimedEmail email = claimed.only(active.keySet());
		String address = active.values().iterator().next().address();
		String suppression = facts.suppressed().get(address);
		if (suppression != null) {
			this.refusals.suppressed(email, suppression);
			return null;
		}
		// an address's email: a job the address had under another of its alerts is
		// counted as sent with that email, not listed again (docs/emails.md)
		String inbox = email.isInInbox() ? CoalescingRule.inboxOf(this.suppressions.addressKey(address),
				active.values().iterator().next().frequency()) : null;
		Set<String> sentAlready = (inbox != null) ? this.inboxJobs.sentAlready(inbox, email.jobs()) : Set.of();
		ClaimedEmail.Contents contents = email.contents(facts.closed(), facts.today(), sentAlready);
		contents.leftOut().forEach((id, reason) -> this.ledger.skip(List.of(id), reason));
		if (contents.isEmpty()) {
			if (!contents.listed().isEmpty()) {
				this.ledger.mark(contents.listed(), DeliveryState.SENT);
			}
			return null;
		}
		Integer welcomeTotal = contents.welcomeTotal();
		if (welcomeTotal != null) {
			Recipient recipient = active.get(email.alertId());
			return new OutgoingEmail(
					this.mailer.welcomeEmail(email.key(), recipient.addressee(), contents.vacancies(), welcomeTotal),
					address, contents.listed(), EmailKind.WELCOME);
		}
		List<MatchedVacancy> listed = contents.vacancies();
		List<AlertSection> sections = new ArrayList<>();
		contents.sections().forEach((alertId, vacancies) -> {
			Recipient recipient = active.get(alertId);
			// reminders only ride along with new vacancies, and are taken only for an
			// email that goes (docs/emails.md, "Closing soon")
			List<MatchedVacancy> reminders = ClosingSoon.reminds(email, recipient)
					? this.closingSoon.remind(email, alertId, facts, listed) : List.of();
			sections.add(new AlertSection(recipient.addressee(), vacancies, vacancies.size(), reminders));
		});
		// one click ends every alert the email counts as sent to, listed under it or not
		String unsubscribeUrl = CombinedUnsubscribe.of(active.values()
			.stream()
			.filter((recipient) -> carries(email, contents, recipient.alertId()))
			.map(Recipient::unsubscribeUrl)
			.toList());
		MimeMessage message = this.mailer.matchesEmail(email.key(), address, sections, unsubscribeUrl);
		return new OutgoingEmail(message, address, contents.listed(), EmailKind.MATCHES, inbox,
				listed.stream().map(ClaimedEmail::jobOf).toList());
	}

	private static boolean carries(ClaimedEmail email, ClaimedEmail.Contents contents, String alertId) {
		return email.entries()
			.stream()
			.anyMatch((entry) -> alertId.equals(entry.alertId()) && contents.listed().contains(entry.id()));
	}

}
