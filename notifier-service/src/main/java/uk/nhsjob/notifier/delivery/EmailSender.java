package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
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
 * Sends the emails the ledger says are due, each round on one SMTP connection: the alerts
 * whose pending matches are due (one email per alert), the welcomes, and those a crash
 * left SENDING or a refusal FAILED (each under its first Message-ID). Each email is
 * marked SENT as soon as the server accepts it, so a crash doubles at most the one email
 * in between on each connection. A refusal of one email does not hold up the others.
 * <p>
 * A round's emails go out on a few connections at once: most of an email's time is spent
 * waiting for the SMTP server's and MongoDB's answers.
 */
@Component
class EmailSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	/** How many ledger entries a round reads per email it may send. */
	private static final int ENTRIES_PER_EMAIL = 4;

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

	private final ExecutorService lanes;

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
		this.lanes = Executors.newFixedThreadPool(settings.connections(), (task) -> {
			Thread thread = new Thread(task, "smtp-lane");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.lanes.shutdown();
		this.lanes.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Scheduled(fixedDelayString = "${nhsjob.notifier.delivery.poll-interval:1s}")
	void sendDue() {
		// a full round means there may be more: go on without waiting for the next poll
		while (sendRound()) {
			log.debug("Full round sent; looking for more");
		}
	}

	/**
	 * Sends one round of at most a batch of emails on one connection; returns whether the
	 * round was full, so there may be more.
	 */
	private boolean sendRound() {
		Instant now = this.clock.instant();
		Instant stuckBefore = now.minus(this.settings.sendingTimeout());
		int limit = this.settings.batchSize() * ENTRIES_PER_EMAIL;
		List<Delivery> candidates = this.ledger.candidates(now, now.plus(this.schedule.coalescingWindow()), stuckBefore,
				limit);
		List<PlannedEmail> planned = PlannedEmail.plan(candidates, now, this.settings.batchSize());
		if (planned.isEmpty()) {
			return false;
		}
		Collection<List<Delivery>> emails = claim(planned, UUID.randomUUID().toString(), now, stuckBefore);
		send(emails);
		return candidates.size() >= limit || planned.size() >= this.settings.batchSize();
	}

	/** The round's emails, each its entries: those of the planned ones this round got. */
	private Collection<List<Delivery>> claim(List<PlannedEmail> planned, String round, Instant now,
			Instant stuckBefore) {
		List<Delivery> claimed = new ArrayList<>();
		List<String> fresh = planned.stream()
			.filter(PlannedEmail::isNew)
			.flatMap((email) -> email.offered().stream())
			.map(Delivery::id)
			.toList();
		if (!fresh.isEmpty()) {
			claimed.addAll(this.ledger.claimNew(fresh, round));
		}
		for (PlannedEmail email : planned) {
			if (!email.isNew()) {
				claimed.addAll(this.ledger.claimEmail(email.alertId(), email.email(), now, stuckBefore, round));
			}
		}
		Map<String, List<Delivery>> byEmail = new LinkedHashMap<>();
		for (Delivery entry : claimed) {
			byEmail.computeIfAbsent(entry.emailKey(), (key) -> new ArrayList<>()).add(entry);
		}
		return byEmail.values();
	}

	/**
	 * Looks up the recipients, closures and suppressions of the round at once, then
	 * sends.
	 */
	private void send(Collection<List<Delivery>> emails) {
		List<Delivery> entries = emails.stream().flatMap(List::stream).toList();
		Map<String, Recipient> recipients = this.recipients
			.findAll(entries.stream().map(Delivery::alertId).distinct().toList());
		Set<String> closed = this.closedVacancies.among(entries.stream()
			.map(Delivery::vacancy)
			.filter(Objects::nonNull)
			.map(MatchedVacancy::vacancyId)
			.toList());
		Map<String, String> suppressed = new ConcurrentHashMap<>(
				this.suppressions.reasonsFor(recipients.values().stream().map(Recipient::address).distinct().toList()));
		List<List<List<Delivery>>> lanes = byLane(emails);
		CompletableFuture<?>[] sending = lanes.stream()
			.map((lane) -> CompletableFuture.runAsync(() -> send(lane, recipients, closed, suppressed), this.lanes))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(sending).join();
	}

	/** The emails split over the connections, each alert's always on the same one. */
	private List<List<List<Delivery>>> byLane(Collection<List<Delivery>> emails) {
		int count = Math.min(this.settings.connections(), emails.size());
		List<List<List<Delivery>>> lanes = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			lanes.add(new ArrayList<>());
		}
		for (List<Delivery> email : emails) {
			lanes.get(Math.floorMod(email.get(0).alertId().hashCode(), count)).add(email);
		}
		lanes.removeIf(List::isEmpty);
		return lanes;
	}

	private void send(List<List<Delivery>> lane, Map<String, Recipient> recipients, Set<String> closed,
			Map<String, String> suppressed) {
		try (SmtpConnection smtp = new SmtpConnection(this.mailSender)) {
			for (List<Delivery> email : lane) {
				send(email, recipients.get(email.get(0).alertId()), closed, suppressed, smtp);
			}
		}
	}

	private void send(List<Delivery> entries, @Nullable Recipient recipient, Set<String> closed,
			Map<String, String> suppressed, SmtpConnection smtp) {
		String emailKey = entries.get(0).emailKey();
		List<String> ids = entries.stream().map(Delivery::id).toList();
		if (recipient == null || !recipient.isActive()) {
			String reason = (recipient != null) ? "alert " + recipient.status() : "alert erased";
			this.ledger.skip(ids, reason);
			log.info("Skipped email {}: {}", emailKey, reason);
			return;
		}
		String suppression = suppressed.get(recipient.address());
		if (suppression != null) {
			this.ledger.suppress(ids, suppression);
			this.suppressed.increment();
			return;
		}
		Delivery welcome = null;
		List<String> listed = new ArrayList<>();
		List<MatchedVacancy> vacancies = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		for (Delivery entry : entries) {
			if (entry.isWelcome()) {
				welcome = entry;
				listed.add(entry.id());
				continue;
			}
			MatchedVacancy vacancy = entry.vacancy();
			String reason = (vacancy != null) ? reasonToLeaveOut(vacancy, closed) : "nothing to send";
			if (vacancy == null || reason != null) {
				leftOut.add(entry.id());
				this.ledger.skip(List.of(entry.id()), String.valueOf(reason));
			}
			else {
				listed.add(entry.id());
				vacancies.add(vacancy);
			}
		}
		if (welcome == null && vacancies.isEmpty()) {
			return; // an empty email (or digest) is not sent
		}
		MimeMessage email = (welcome != null)
				? this.mailer.welcomeEmail(emailKey, recipient.addressee(), vacancies, total(welcome) - leftOut.size())
				: this.mailer.matchesEmail(emailKey, recipient.addressee(), vacancies);
		this.faults.beforeData(emailKey);
		try {
			smtp.send(email);
		}
		catch (SmtpRefusal refusal) {
			refused(emailKey, recipient, listed, entries.get(0).attempts(), refusal, suppressed);
			return;
		}
		this.faults.afterAccepted(emailKey);
		this.ledger.mark(listed, DeliveryState.SENT);
		this.mailer.countSent(welcome != null);
	}

	private static int total(Delivery welcome) {
		Integer total = welcome.welcomeTotal();
		return (total != null) ? total : 0;
	}

	private void refused(String emailKey, Recipient recipient, List<String> ids, int attempts, SmtpRefusal refusal,
			Map<String, String> suppressed) {
		if (refusal.isPermanent()) {
			this.suppressions.suppress(recipient.address(), refusal.getMessage());
			suppressed.put(recipient.address(), refusal.getMessage());
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

	private @Nullable String reasonToLeaveOut(MatchedVacancy vacancy, Set<String> closed) {
		if (closed.contains(vacancy.vacancyId())) {
			return "vacancy closed";
		}
		LocalDate closingDate = vacancy.closingDate();
		if (closingDate != null && closingDate.isBefore(LocalDate.now(this.clock))) {
			return "closing date passed";
		}
		return null;
	}

}
