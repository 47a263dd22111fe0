package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * Sends the emails the ledger says are due, a round at a time: the entries due (grouped
 * into emails by the {@link CoalescingRule}: one new email per address and kind, instant
 * or digest, under the address's lease ({@link InboxLeases}); the welcomes, and those a
 * crash left SENDING or a refusal FAILED, each under its first Message-ID), claimed for
 * the round, then sent over the {@link SmtpLanes} (three SMTP connections by default,
 * each alert's emails on the same one). Each email is marked SENT as soon as the server
 * accepts it, so a crash doubles at most the one email in between on each connection. A
 * refusal of one email does not hold up the others. A round that fails (MongoDB away) is
 * reported through the background reader {@code email sender}, and the next poll tries
 * again.
 */
@Component
class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	/** How many ledger entries a round reads per email it may send. */
	private static final int ENTRIES_PER_EMAIL = 4;

	private final DeliveryLedger ledger;

	private final CoalescingRule coalescing;

	private final DeliverySettings settings;

	private final RoundLookups lookups;

	private final SmtpLanes lanes;

	private final EmailDispatch dispatch;

	private final Clock clock;

	private final BackgroundReader reader;

	EmailSender(DeliveryLedger ledger, CoalescingRule coalescing, DeliverySettings settings, RoundLookups lookups,
			SmtpLanes lanes, EmailDispatch dispatch, Clock clock, BackgroundReaders readers) {
		this.reader = readers.register("email sender");
		this.ledger = ledger;
		this.coalescing = coalescing;
		this.settings = settings;
		this.lookups = lookups;
		this.lanes = lanes;
		this.dispatch = dispatch;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${nhsjob.notifier.delivery.poll-interval:1s}")
	void sendDue() {
		try {
			// a full round means there may be more: go on without waiting for the next
			// poll
			while (sendRound()) {
				log.debug("Full round sent; looking for more");
			}
			this.reader.caughtUp();
		}
		catch (RuntimeException ex) {
			// MongoDB away, say: the next poll tries again, for as long as it lasts. The
			// first failure of a run here, then the reader's fault line once a minute
			// (docs/operations.md, "Logs"). Only the kind of failure: a driver's message
			// may quote a document.
			boolean first = this.reader.state() != BackgroundReader.State.FAILING;
			this.reader.failed(ex);
			if (first) {
				log.warn("Sending round failed, tried again in the next one: {}", ex.getClass().getName());
			}
			else {
				log.debug("Sending round failed again: {}", ex.getClass().getName());
			}
		}
	}

	/**
	 * Sends one round of at most a batch of emails; returns whether the round was full,
	 * so there may be more.
	 */
	private boolean sendRound() {
		Instant now = this.clock.instant();
		Instant stuckBefore = now.minus(this.settings.sendingTimeout());
		int limit = this.settings.batchSize() * ENTRIES_PER_EMAIL;
		Instant dueBy = this.coalescing.dueBy(now);
		List<Delivery> candidates = this.ledger.candidates(now, dueBy, stuckBefore, limit);
		Function<String, @Nullable String> inboxOf = this.lookups.inboxes(candidates);
		List<PlannedEmail> planned = this.coalescing.plan(candidates, now, this.settings.batchSize(), inboxOf);
		if (candidates.size() >= limit && !planned.isEmpty()) {
			// a backlog: the earliest entries due are spread over many addresses, so
			// each email would carry a few; it carries every entry of its alerts due by
			// now instead (docs/emails.md, "When a backlog builds up")
			List<Delivery> more = this.ledger.pendingOf(alertsOfNewEmails(planned), dueBy);
			if (!more.isEmpty()) {
				candidates = DeliveryLedger.merged(candidates, more);
				inboxOf = this.lookups.inboxes(candidates);
				planned = this.coalescing.plan(candidates, now, this.settings.batchSize(), inboxOf);
			}
		}
		if (planned.isEmpty()) {
			return false;
		}
		String round = UUID.randomUUID().toString();
		try {
			List<ClaimedEmail> emails = this.ledger.claim(planned, round, now, stuckBefore);
			if (emails.isEmpty()) {
				// all taken by other rounds (another instance holds their addresses'
				// leases): the next poll looks again, rather than this one spinning
				return false;
			}
			RoundFacts facts = this.lookups.of(emails);
			this.lanes.send(emails, (email, smtp) -> this.dispatch.send(email, facts, smtp));
		}
		finally {
			this.ledger.endRound(planned, round);
		}
		return candidates.size() >= limit || planned.size() >= this.settings.batchSize();
	}

	private static List<String> alertsOfNewEmails(List<PlannedEmail> planned) {
		return planned.stream()
			.filter((email) -> email.isNew() && !email.isOneOff())
			.flatMap((email) -> email.alertIds().stream())
			.distinct()
			.toList();
	}

}
