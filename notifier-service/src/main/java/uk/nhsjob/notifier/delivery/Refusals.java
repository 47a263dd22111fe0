package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.smtp.SmtpRefusal;

/**
 * What an email the SMTP server refused becomes in the ledger: a 5xx suppresses the
 * address for good (SUPPRESSED), anything else is tried again after a growing back-off
 * (FAILED).
 */
@Component
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private final DeliveryLedger ledger;

	private final Suppressions suppressions;

	private final DeliverySettings settings;

	private final Clock clock;

	private final Counter retried;

	private final Counter suppressed;

	Refusals(DeliveryLedger ledger, Suppressions suppressions, DeliverySettings settings, Clock clock,
			MeterRegistry meters) {
		this.ledger = ledger;
		this.suppressions = suppressions;
		this.settings = settings;
		this.clock = clock;
		this.retried = Counter.builder("notifier.emails.retried")
			.description("Emails the SMTP server refused for now (4xx, timeout), to be tried again")
			.register(meters);
		this.suppressed = Counter.builder("notifier.emails.suppressed")
			.description("Emails not sent because the SMTP server refused the address for good (5xx)")
			.register(meters);
	}

	/** The email goes to an address refused for good before: not sent. */
	void suppressed(ClaimedEmail email, String reason) {
		this.ledger.suppress(email.ids(), reason);
		this.suppressed.increment();
	}

	/**
	 * The server refused the email to {@code address} whose entries are {@code ids}; a
	 * permanent refusal also suppresses the address for the rest of the round
	 * ({@code facts}).
	 */
	void refused(ClaimedEmail email, List<String> ids, String address, SmtpRefusal refusal, RoundFacts facts) {
		if (refusal.isPermanent()) {
			this.suppressions.suppress(address, refusal.getMessage());
			facts.suppressed().put(address, refusal.getMessage());
			this.ledger.suppress(ids, refusal.getMessage());
			this.suppressed.increment();
			log.warn("Suppressed the address of email {}: {}", email.key(), refusal.getMessage());
		}
		else {
			Instant next = this.clock.instant().plus(this.settings.backOff(email.attempts()));
			this.ledger.fail(ids, refusal.getMessage(), next);
			this.retried.increment();
			log.info("Email {} refused for now ({}); next attempt at {}", email.key(), refusal.getMessage(), next);
		}
	}

}
