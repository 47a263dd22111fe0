package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.annotation.Id;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.smtp.SmtpRefusal;
import uk.nhsjob.notifier.suppression.Suppressions;

/**
 * What an email the SMTP server refused becomes in the ledger (docs/emails.md, "SMTP
 * refusals"): a permanent refusal of the recipient at {@code RCPT TO} suppresses the
 * address (SUPPRESSED); any other 5xx suppresses nobody, and the email is tried again
 * with the long back-off of {@link DeliverySettings.RefusedRetry} until its give-up time
 * (then UNDELIVERED); anything else (4xx, timeout, connection) is tried again with the
 * short back-off (FAILED).
 */
@Component
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private final DeliveryLedger ledger;

	private final Suppressions suppressions;

	private final DeliverySettings settings;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Counter retried;

	private final Counter suppressed;

	private final Counter undelivered;

	Refusals(DeliveryLedger ledger, Suppressions suppressions, DeliverySettings settings, Clock clock,
			MeterRegistry meters) {
		this.ledger = ledger;
		this.suppressions = suppressions;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		this.retried = Counter.builder("notifier.emails.retried")
			.description("Emails the SMTP server refused for now (4xx, timeout), to be tried again")
			.register(meters);
		this.suppressed = Counter.builder("notifier.emails.suppressed")
			.description("Emails not sent because the SMTP server refused the recipient for good at RCPT TO")
			.register(meters);
		this.undelivered = Counter.builder("notifier.emails.undelivered")
			.description("Emails given up after the SMTP server refused them with a 5xx until the give-up time")
			.register(meters);
	}

	/** The email goes to an address refused for good before: not sent. */
	void suppressed(ClaimedEmail email, String reason) {
		this.ledger.suppress(email.ids(), reason);
		this.suppressed.increment();
	}

	/**
	 * The server refused the email to {@code address} whose entries are {@code ids}; a
	 * permanent refusal of the recipient also suppresses the address for the rest of the
	 * round ({@code facts}).
	 */
	void refused(ClaimedEmail email, List<String> ids, String address, SmtpRefusal refusal, RoundFacts facts) {
		if (refusal.refusesTheRecipient()) {
			this.suppressions.suppress(address, refusal.replyCode(), refusal.reply());
			facts.suppressed().put(address, refusal.getMessage());
			this.ledger.suppress(ids, refusal.getMessage());
			this.suppressed.increment();
			log.warn("Suppressed the address of email {}: {}", email.key(), refusal.getMessage());
		}
		else if (refusal.isPermanent()) {
			refusedWithoutSuppressing(email, ids, refusal);
		}
		else {
			Instant next = this.clock.instant().plus(this.settings.backOff(email.attempts()));
			this.ledger.fail(ids, refusal.getMessage(), next);
			this.retried.increment();
			log.info("Email {} refused for now ({}); next attempt at {}", email.key(), refusal.getMessage(), next);
		}
	}

	/**
	 * A 5xx that is not about the recipient (a relay that wants STARTTLS, a message
	 * refused at DATA): nobody is suppressed; the email is kept and tried again, hours
	 * apart, and given up only at its give-up time, its last attempt at that moment.
	 */
	private void refusedWithoutSuppressing(ClaimedEmail email, List<String> ids, SmtpRefusal refusal) {
		Counter.builder("notifier.emails.refused")
			.description("Emails the SMTP server refused with a 5xx that suppresses nobody, kept and tried again")
			.tag("stage", refusal.stage().command())
			.register(this.meters)
			.increment();
		Instant now = this.clock.instant();
		History history = this.ledger.refusalsOf(email.ids().get(0));
		Instant since = (history.refusedSince() != null) ? history.refusedSince() : now;
		Instant giveUpAt = since.plus(this.settings.refusedRetry().giveUpAfter());
		if (!now.isBefore(giveUpAt)) {
			this.ledger.giveUp(ids, refusal.getMessage());
			this.undelivered.increment();
			log.warn("Gave up email {}: refused since {} ({})", email.key(), since, refusal.getMessage());
			return;
		}
		int refusals = ((history.refusals() != null) ? history.refusals() : 0) + 1;
		Instant next = now.plus(this.settings.refusedRetry().backOff(refusals));
		if (next.isAfter(giveUpAt)) {
			next = giveUpAt;
		}
		this.ledger.refuse(ids, refusal.getMessage(), since, next);
		log.warn("Email {} refused ({}); nobody suppressed; next attempt at {}, given up at {}", email.key(),
				refusal.getMessage(), next, giveUpAt);
	}

	/**
	 * The 5xx refusals that suppressed nobody of the email an entry belongs to, as the
	 * ledger keeps them beside the entry.
	 *
	 * @param id the entry's id
	 * @param refusedSince the first of them (null: none yet)
	 * @param refusals how many
	 */
	record History(@Id String id, @Nullable Instant refusedSince, @Nullable Integer refusals) {
	}

}
