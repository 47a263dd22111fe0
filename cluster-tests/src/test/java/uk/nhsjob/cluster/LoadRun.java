package uk.nhsjob.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.testsupport.feeds.Advert;
import uk.nhsjob.testsupport.oracle.AlertCriteria;
import uk.nhsjob.testsupport.oracle.DeliveryTally;
import uk.nhsjob.testsupport.oracle.Expectation;
import uk.nhsjob.testsupport.oracle.Pair;
import uk.nhsjob.testsupport.oracle.ReceivedEmail;

import static org.awaitility.Awaitility.await;

/**
 * The load-and-fault run on the local stack's cluster mode ({@link LocalStackProcess}):
 * alerts created through random matcher instances and confirmed with the links of their
 * confirmation emails, then feeds pushed at a steady rate to random ingest instances
 * across sources and formats, every email read from the SMTP server's store on disk
 * ({@link MailFolder}) and compared with the oracle. Phase <em>steady</em> without
 * faults, then the bare Jakarta Mail baseline, then phase <em>faults</em>: the schedule
 * printed at the start (each instance and a broker killed -9, the MongoDB-wire server
 * stopped, the SMTP server answering {@code 421}, then {@code 554} at DATA) through the
 * stack's control interface ({@link StackControl}) while the feeds go on. Each phase ends
 * after a bounded wait for what is owed with its counts ({@link PhaseResult}).
 */
final class LoadRun {

	/** How long a change may take to reach every instance (docs/matching.md). */
	static final Duration GRACE = Duration.ofSeconds(5);

	/** The notifier's coalescing window the stack runs with (its default). */
	static final Duration COALESCING_WINDOW = Duration.ofSeconds(30);

	/**
	 * How long an email a killed notifier was sending waits before another sends it again
	 * ({@code nhsjob.notifier.delivery.sending-timeout}, set for the run).
	 */
	static final Duration SENDING_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How big the run is, and its faults.
	 *
	 * @param alerts alerts created and confirmed before the feeds begin
	 * @param steady how long feeds are pushed in the steady phase
	 * @param feedsPerMinute how many feeds are pushed a minute, in both phases
	 * @param faults which faults strike: {@code kills}, {@code broker}, {@code mongo},
	 * {@code smtp} (empty: no fault phase)
	 * @param faultGap the time between two faults of the schedule
	 * @param mongoDown how long the MongoDB-wire server is stopped
	 * @param smtpUnavailable how long the SMTP server answers {@code 421}
	 * @param smtpRefusing how long it then answers {@code 554} at DATA
	 * @param drain the longest wait at the end of a phase for what is owed
	 * @param baselineMessages messages of the bare Jakarta Mail loop
	 */
	record Settings(int alerts, Duration steady, int feedsPerMinute, Set<String> faults, Duration faultGap,
			Duration mongoDown, Duration smtpUnavailable, Duration smtpRefusing, Duration drain, int baselineMessages,
			long seed) {

		/** Every fault the run knows. */
		static final Set<String> ALL_FAULTS = Set.of("kills", "broker", "mongo", "smtp");

		/**
		 * How late a listing may first be seen after its revision: in the steady phase
		 * the coalescing window and two minutes; with faults, longer by as long as the
		 * SMTP server refuses mail (those emails can only arrive after it), the wait
		 * before an email a killed notifier was sending is sent again, and a minute of
		 * back-off.
		 */
		Duration late(boolean withFaults) {
			Duration bound = COALESCING_WINDOW.plusMinutes(2);
			return withFaults
					? bound.plus(this.smtpUnavailable).plus(this.smtpRefusing).plus(SENDING_TIMEOUT).plusMinutes(1)
					: bound;
		}

	}

	/**
	 * The latencies from a feed's receipt to the arrival of the emails listing its
	 * vacancies, for instant alerts.
	 */
	record Latencies(int count, double p50, double p95, double p99, double max) {

		static Latencies of(List<Double> seconds) {
			List<Double> sorted = seconds.stream().sorted().toList();
			if (sorted.isEmpty()) {
				return new Latencies(0, 0, 0, 0, 0);
			}
			return new Latencies(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
					sorted.get(sorted.size() - 1));
		}

		private static double percentile(List<Double> sorted, int p) {
			int rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return sorted.get(Math.max(0, rank - 1));
		}

	}

	/**
	 * What one phase found.
	 *
	 * @param counts the oracle's tally of the listings and welcome emails of the phase
	 * @param misdirected emails for one of the run's alerts delivered to another address
	 * @param confirmationsLost alerts created in the phase without a confirmation email
	 * @param confirmationsOtherId confirmation emails sent again under another Message-ID
	 * @param confirmationsSameId confirmation emails sent again under the same Message-ID
	 * @param refusedAttempts sending attempts the SMTP server refused with a 5xx at DATA,
	 * each tried again (the notifiers' {@code notifier_emails_refused_total})
	 * @param givenUp emails the notifiers gave up
	 * ({@code notifier_emails_undelivered_total})
	 * @param emails emails that arrived in the phase
	 * @param perSecond emails per second over the phase's arrivals
	 * @param peakPerSecond emails per second over the busiest ten seconds
	 */
	record PhaseResult(String name, Instant start, Instant end, DeliveryTally.Counts counts, long misdirected,
			long confirmationsLost, long confirmationsOtherId, long confirmationsSameId, long refusedAttempts,
			long givenUp, int emails, double perSecond, double peakPerSecond, Latencies latencies, Duration late) {

		/** Every count that must be 0 is. */
		boolean passes() {
			return this.counts.lost() == 0 && this.counts.otherMessageId() == 0 && this.counts.notOwed() == 0
					&& this.counts.late() == 0 && this.counts.welcomesLost() == 0
					&& this.counts.welcomesOtherMessageId() == 0 && this.counts.welcomesWrong() == 0
					&& this.misdirected == 0 && this.confirmationsLost == 0 && this.confirmationsOtherId == 0
					&& this.givenUp == 0;
		}

	}

	/** The run's result. */
	record Result(List<PhaseResult> phases, double baselinePerSecond, List<String> problems,
			List<SvgChart.Window> faults, List<Sampler.Sample> samples, List<SvgChart.Point> latencies,
			String tallyTable, Instant start, Instant end) {

		boolean passes() {
			return this.problems.isEmpty() && this.phases.stream().allMatch(PhaseResult::passes);
		}

	}

	private final LocalStackProcess stack;

	private final StackControl control;

	private final Settings settings;

	private final Consumer<String> say;

	private final Api api;

	private final Workload workload;

	private final ClusterClock clock = new ClusterClock();

	private final Map<Instant, String> phases = new LinkedHashMap<>();

	private final Map<String, List<Instant>> receipts = new ConcurrentHashMap<>();

	private final List<SvgChart.Window> faultWindows = new CopyOnWriteArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(8);

	/** What the oracle expected at the last tally. */
	private volatile @Nullable Expectation lastExpectation;

	LoadRun(LocalStackProcess stack, StackControl control, Settings settings, Consumer<String> say) {
		this.stack = stack;
		this.control = control;
		this.settings = settings;
		this.say = say;
		this.api = new Api(stack::instances, new Random(settings.seed() + 1));
		this.workload = new Workload(this.api, stack.adminToken(), new Random(settings.seed()),
				Long.toString(settings.seed() & 0xffffffL, 36), say);
	}

	/** The fault schedule, each step's offset from the start of the fault phase. */
	List<String> schedule() {
		List<String> steps = new ArrayList<>();
		Duration at = Duration.ofSeconds(10);
		for (Step step : steps(List.of())) {
			steps.add("+" + at.toSeconds() + " s: " + step.what());
			at = at.plus(step.lasts()).plus(this.settings.faultGap());
		}
		return steps;
	}

	Result run() {
		Instant started = Instant.now();
		List<String> problems = new ArrayList<>();
		List<PhaseResult> results = new ArrayList<>();
		double baseline;
		String table;
		try (Inbox inbox = new Inbox(new MailFolder(this.stack.mailFolder()));
				AppendTimes appendTimes = new AppendTimes(this.stack.bootstrapServers(), this.workload.markers);
				Sampler sampler = new Sampler(this.stack.all(), this.stack.bootstrapServers(), Duration.ofSeconds(5))) {
			// set-up: the alerts, created and confirmed
			this.phases.put(started, "setup");
			this.workload.registerSources(2);
			createAndConfirm(inbox);
			awaitOwed(inbox, appendTimes, Duration.ofMinutes(3));

			// steady: feeds at a steady rate, no fault
			Instant steadyStart = Instant.now();
			this.phases.put(steadyStart, "steady");
			this.say.accept("--- steady: feeds for " + this.settings.steady().toSeconds() + " s");
			feedsFor(this.settings.steady());
			Instant steadyEnd = Instant.now();
			awaitOwed(inbox, appendTimes, this.settings.drain());
			DeliveryTally steadyTally = tally(inbox, appendTimes, false, problems);
			long refusedBefore = sampler.counted("notifier_emails_refused_total");
			long givenUpBefore = sampler.counted("notifier_emails_undelivered_total");
			results.add(phase("setup", started, steadyStart, steadyTally, inbox, 0, 0, false));
			results
				.add(phase("steady", steadyStart, steadyEnd, steadyTally, inbox, refusedBefore, givenUpBefore, false));
			table = steadyTally.table();
			if (results.get(1).counts().owed() == 0) {
				problems.add("nothing owed in the steady phase: no feed's vacancy matched an alert");
			}

			// the baseline, on the quiet system
			baseline = baseline();

			// faults: the schedule while the feeds go on
			if (!this.settings.faults().isEmpty()) {
				Instant faultsStart = Instant.now();
				this.phases.put(faultsStart, "faults");
				this.say.accept("--- faults: " + schedule());
				CompletableFuture<Void> strikes = CompletableFuture.runAsync(this::strike);
				ScheduledExecutorService feeds = feedEvery();
				strikes.join();
				Cluster.pause(Duration.ofSeconds(30));
				feeds.shutdownNow();
				Instant faultsEnd = Instant.now();
				awaitOwed(inbox, appendTimes, this.settings.drain().multipliedBy(2));
				Cluster.pause(Duration.ofSeconds(10));
				DeliveryTally all = tally(inbox, appendTimes, true, problems);
				results.add(phase("faults", faultsStart, faultsEnd, all, inbox,
						sampler.counted("notifier_emails_refused_total") - refusedBefore,
						sampler.counted("notifier_emails_undelivered_total") - givenUpBefore, true));
				table = all.table();
			}
			problems.addAll(this.workload.problems);
			return new Result(results, baseline, problems, List.copyOf(this.faultWindows), sampler.samples(),
					latencies(inbox, started, Instant.now()), table, started, Instant.now());
		}
		finally {
			this.pool.shutdownNow();
		}
	}

	// --- set-up ---

	private void createAndConfirm(Inbox inbox) {
		long started = System.nanoTime();
		List<CompletableFuture<Void>> creations = new ArrayList<>();
		// an alert posted again identical to a pending one is the same alert, its
		// confirmation asked for again (docs/alerts.md): each drawn once
		Set<Map.Entry<String, AlertCriteria>> drawn = new HashSet<>();
		for (int i = 0; i < this.settings.alerts(); i++) {
			String address = this.workload.pickAddress(this.settings.alerts() / 2);
			AlertCriteria criteria = this.workload.criteria();
			while (!drawn.add(Map.entry(address, criteria))) {
				criteria = this.workload.criteria();
			}
			AlertCriteria chosen = criteria;
			creations.add(CompletableFuture.runAsync(() -> this.workload.create(address, chosen), this.pool));
		}
		join(creations);
		if (this.workload.book.all().isEmpty()) {
			throw new IllegalStateException("No alert could be created: " + this.workload.problems);
		}
		this.say.accept("%d alerts created (%d s)".formatted(this.workload.book.all().size(), seconds(started)));
		Duration atMost = Duration.ofMinutes(3).plusSeconds(this.settings.alerts() / 20);
		try {
			await().atMost(atMost)
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> this.workload.pendingConfirmation.stream()
					.allMatch((alertId) -> inbox.latest(Inbox.Kind.CONFIRMATION, alertId).isPresent()));
		}
		catch (ConditionTimeoutException ex) {
			this.say.accept("confirmation emails still missing after " + atMost.toSeconds() + " s");
		}
		Map<String, String> tokens = new HashMap<>();
		inbox.mails()
			.stream()
			.filter((mail) -> mail.kind() == Inbox.Kind.CONFIRMATION && mail.alertId() != null)
			.forEach((mail) -> tokens.put(mail.alertId(), mail.token()));
		List<CompletableFuture<Void>> confirmations = new ArrayList<>();
		for (String alertId : List.copyOf(this.workload.pendingConfirmation)) {
			String token = tokens.get(alertId);
			if (token != null) {
				this.workload.pendingConfirmation.remove(alertId);
				confirmations.add(CompletableFuture.runAsync(() -> this.workload.confirm(alertId, token), this.pool));
			}
		}
		join(confirmations);
		this.say.accept("%d alerts confirmed (%d s since the first creation)".formatted(confirmations.size(),
				seconds(started)));
	}

	// --- feeds ---

	private void feedsFor(Duration duration) {
		ScheduledExecutorService feeds = feedEvery();
		Cluster.pause(duration);
		feeds.shutdownNow();
	}

	/** Feeds at the settings' rate until the timer is shut down. */
	private ScheduledExecutorService feedEvery() {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		long every = Math.max(100, 60_000L / Math.max(1, this.settings.feedsPerMinute()));
		timer.scheduleAtFixedRate(() -> this.pool.execute(this::pushOne), 0, every, TimeUnit.MILLISECONDS);
		return timer;
	}

	private void pushOne() {
		LocalDate today = this.clock.serviceDay(Instant.now().plus(Duration.ofHours(1)));
		Employer employer = this.workload.pickEmployer();
		List<Advert> adverts = this.workload.delta(employer, today);
		Instant receipt = this.workload.push(employer, adverts, false);
		if (receipt != null) {
			adverts.forEach((advert) -> this.receipts
				.computeIfAbsent(employer.sourceId + ":" + advert.externalId(), (id) -> new CopyOnWriteArrayList<>())
				.add(receipt));
		}
	}

	// --- faults ---

	/**
	 * A step of the fault schedule.
	 *
	 * @param lasts how long it lasts at least (the wait for a restarted process comes on
	 * top)
	 */
	private record Step(String what, Duration lasts, Runnable action) {
	}

	private List<Step> steps(List<StackControl.Child> children) {
		List<Step> steps = new ArrayList<>();
		Set<String> faults = this.settings.faults();
		if (faults.contains("kills")) {
			for (String service : List.of(Cluster.INGEST, Cluster.MATCHER, Cluster.NOTIFIER)) {
				LocalStackProcess.Instance first = this.stack.instances(service).get(0);
				steps.add(new Step(first.name() + " killed -9, restarted by the stack", Duration.ZERO,
						() -> killInstance(first)));
			}
		}
		if (faults.contains("broker")) {
			String broker = children.stream()
				.filter((child) -> child.kind().equals("broker"))
				.map(StackControl.Child::name)
				.sorted()
				.reduce((first, second) -> second)
				.orElse("kafka-3");
			steps.add(new Step(broker + " (a Kafka broker) killed -9, restarted by the stack", Duration.ZERO,
					() -> killBroker(broker)));
		}
		if (faults.contains("kills")) {
			for (String service : List.of(Cluster.INGEST, Cluster.MATCHER, Cluster.NOTIFIER)) {
				LocalStackProcess.Instance second = this.stack.instances(service).get(1);
				steps.add(new Step(second.name() + " killed -9, restarted by the stack", Duration.ZERO,
						() -> killInstance(second)));
			}
		}
		if (faults.contains("mongo")) {
			steps.add(new Step("the MongoDB-wire server stopped for " + this.settings.mongoDown().toSeconds() + " s",
					this.settings.mongoDown(), this::stopMongo));
		}
		if (faults.contains("smtp")) {
			steps.add(new Step(
					"the SMTP server answering 421 for " + this.settings.smtpUnavailable().toSeconds()
							+ " s, then 554 at DATA for " + this.settings.smtpRefusing().toSeconds() + " s",
					this.settings.smtpUnavailable().plus(this.settings.smtpRefusing()), this::refuseMail));
		}
		return steps;
	}

	/** The schedule's steps one after the other, the next once the last has passed. */
	private void strike() {
		Cluster.pause(Duration.ofSeconds(10));
		List<Step> steps = steps(this.control.children());
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			this.say.accept("fault: " + step.what());
			try {
				step.action().run();
			}
			catch (RuntimeException ex) {
				this.say.accept("fault " + step.what() + " failed: " + ex);
				this.workload.problems.add("fault " + step.what() + ": " + ex);
			}
			if (i < steps.size() - 1) {
				Cluster.pause(this.settings.faultGap());
			}
		}
	}

	private void killInstance(LocalStackProcess.Instance instance) {
		Instant from = Instant.now();
		this.api.down(instance);
		try {
			this.control.kill(instance.name());
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !LocalStackProcess.isUp(instance, "liveness"));
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> LocalStackProcess.isUp(instance, "readiness"));
		}
		finally {
			this.api.up(instance);
			this.faultWindows.add(new SvgChart.Window("kill " + instance.name(), from, Instant.now()));
			this.say.accept(
					instance.name() + " ready again after " + Duration.between(from, Instant.now()).toSeconds() + " s");
		}
	}

	private void killBroker(String name) {
		Instant from = Instant.now();
		long pid = pidOf(name);
		this.control.kill(name);
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.control.children()
					.stream()
					.anyMatch((child) -> child.name().equals(name) && child.alive() && child.pid() != pid));
		}
		finally {
			this.faultWindows.add(new SvgChart.Window("kill " + name, from, Instant.now()));
			this.say.accept(name + " running again after " + Duration.between(from, Instant.now()).toSeconds() + " s");
		}
	}

	private long pidOf(String name) {
		return this.control.children()
			.stream()
			.filter((child) -> child.name().equals(name))
			.mapToLong(StackControl.Child::pid)
			.findFirst()
			.orElse(-1);
	}

	private void stopMongo() {
		Instant from = Instant.now();
		this.control.stopMongo();
		try {
			Cluster.pause(this.settings.mongoDown());
		}
		finally {
			this.control.startMongo();
			this.faultWindows.add(new SvgChart.Window("MongoDB stopped", from, Instant.now()));
		}
	}

	private void refuseMail() {
		Instant from = Instant.now();
		this.control.smtp(StackControl.UNAVAILABLE);
		try {
			Cluster.pause(this.settings.smtpUnavailable());
			this.faultWindows.add(new SvgChart.Window("SMTP 421", from, Instant.now()));
			from = Instant.now();
			this.control.smtp(StackControl.REFUSE_DATA);
			Cluster.pause(this.settings.smtpRefusing());
		}
		finally {
			this.control.smtp(StackControl.ACCEPT);
			this.faultWindows.add(new SvgChart.Window("SMTP 554 at DATA", from, Instant.now()));
		}
	}

	// --- waiting and counting ---

	private void awaitOwed(Inbox inbox, AppendTimes appendTimes, Duration atMost) {
		long started = System.nanoTime();
		try {
			await().atMost(atMost).pollInterval(Duration.ofSeconds(5)).until(() -> missing(inbox, appendTimes) == 0);
			this.say.accept("everything owed so far arrived (waited " + seconds(started) + " s)");
		}
		catch (ConditionTimeoutException ex) {
			this.say.accept(missing(inbox, appendTimes) + " listings or welcome emails owed still missing after "
					+ atMost.toSeconds() + " s");
		}
	}

	private long missing(Inbox inbox, AppendTimes appendTimes) {
		return this.workload.missing(expectation(appendTimes, new ArrayList<>()), inbox.mails());
	}

	private Expectation expectation(AppendTimes appendTimes, List<String> problems) {
		return this.workload.expectation(appendTimes, this.clock::serviceDay, GRACE, problems);
	}

	private DeliveryTally tally(Inbox inbox, AppendTimes appendTimes, boolean withFaults, List<String> problems) {
		Expectation expected = expectation(appendTimes, problems);
		this.lastExpectation = expected;
		Map<Inbox.Kind, Long> kinds = inbox.mails()
			.stream()
			.collect(Collectors.groupingBy(Inbox.Mail::kind, TreeMap::new, Collectors.counting()));
		this.say.accept("%d alerts, %d vacancy revisions, emails received: %s; dead letters: %s".formatted(
				this.workload.book.all().size(), appendTimes.revisions(new ArrayList<>()).size(), kinds,
				appendTimes.deadLetters()));
		List<ReceivedEmail> received = this.workload.received(inbox.mails());
		DeliveryTally tally = new DeliveryTally(this.phases, expected, received, this.settings.late(withFaults),
				this.workload.book::inboxOf);
		tally.problems().stream().limit(30).forEach((problem) -> this.say.accept("tally: " + problem));
		List<Pair> lost = tally.lost();
		if (!lost.isEmpty()) {
			Set<Pair> onTopic = appendTimes.matchesOnTheAlertsTopic();
			String where = ("%d listings lost, for %d alerts; %d of them have their match on the alerts topic "
					+ "(lost after the matcher), the others never reached it")
				.formatted(lost.size(), lost.stream().map(Pair::alertId).distinct().count(),
						lost.stream().filter(onTopic::contains).count());
			this.say.accept(where);
			problems.add(where);
		}
		return tally;
	}

	private PhaseResult phase(String name, Instant start, Instant end, DeliveryTally tally, Inbox inbox, long refused,
			long givenUp, boolean withFaults) {
		List<Inbox.Mail> mails = inbox.mails();
		Instant until = name.equals("setup") ? end : Instant.now();
		List<Inbox.Mail> arrived = mails.stream()
			.filter((mail) -> !mail.seenAt().isBefore(start) && mail.seenAt().isBefore(until))
			.filter((mail) -> !mail.address().endsWith("@load-run.invalid"))
			.sorted(Comparator.comparing(Inbox.Mail::seenAt))
			.toList();
		Map<String, String> addressOf = new HashMap<>();
		this.workload.book.all().forEach((alert) -> addressOf.put(alert.alertId, alert.address));
		long misdirected = arrived.stream()
			.filter((mail) -> mail.alertId() != null && addressOf.containsKey(mail.alertId())
					&& !addressOf.get(mail.alertId()).equalsIgnoreCase(mail.address()))
			.count();
		long confirmationsLost = 0;
		long otherId = 0;
		long sameId = 0;
		if (name.equals("setup")) {
			Map<String, List<String>> confirmations = new HashMap<>();
			mails.stream()
				.filter((mail) -> mail.kind() == Inbox.Kind.CONFIRMATION && mail.alertId() != null)
				.forEach((mail) -> confirmations.computeIfAbsent(mail.alertId(), (id) -> new ArrayList<>())
					.add(mail.messageId()));
			confirmationsLost = this.workload.book.all()
				.stream()
				.filter((alert) -> !confirmations.containsKey(alert.alertId))
				.count();
			for (List<String> ids : confirmations.values()) {
				otherId += new HashSet<>(ids).size() - 1;
				sameId += ids.size() - new HashSet<>(ids).size();
			}
		}
		double perSecond = 0;
		double peak = 0;
		if (arrived.size() > 1) {
			Duration span = Duration.between(arrived.get(0).seenAt(), arrived.get(arrived.size() - 1).seenAt());
			perSecond = arrived.size() / Math.max(1.0, span.toMillis() / 1000.0);
			int from = 0;
			for (int to = 0; to < arrived.size(); to++) {
				while (Duration.between(arrived.get(from).seenAt(), arrived.get(to).seenAt()).toMillis() >= 10_000) {
					from++;
				}
				peak = Math.max(peak, (to - from + 1) / 10.0);
			}
		}
		List<Double> latencies = new ArrayList<>();
		latencies(inbox, start, end).forEach((point) -> latencies.add(point.value()));
		PhaseResult result = new PhaseResult(name, start, end, tally.counts().get(name), misdirected, confirmationsLost,
				otherId, sameId, refused, givenUp, arrived.size(), perSecond, peak, Latencies.of(latencies),
				this.settings.late(withFaults));
		this.say.accept("phase " + result);
		return result;
	}

	/**
	 * For each listing owed since a revision a feed of the run carried: from that feed's
	 * receipt (the first receipt of the vacancy after the revision's append time) to the
	 * arrival of the first email listing it to that alert, dated by that arrival; only
	 * for feeds received in {@code [from, to)}.
	 */
	private List<SvgChart.Point> latencies(Inbox inbox, Instant from, Instant to) {
		Expectation expected = this.lastExpectation;
		if (expected == null) {
			return List.of();
		}
		Map<Pair, Instant> firstSeen = new HashMap<>();
		for (Inbox.Mail mail : inbox.mails()) {
			if (mail.kind() == Inbox.Kind.MATCHES && mail.alertId() != null) {
				mail.vacancyIds()
					.forEach((vacancy) -> mail.alertIds()
						.forEach((alert) -> firstSeen.merge(new Pair(alert, vacancy), mail.seenAt(),
								(a, b) -> a.isBefore(b) ? a : b)));
			}
		}
		List<SvgChart.Point> points = new ArrayList<>();
		expected.owed().forEach((pair, appendedAt) -> {
			Instant seen = firstSeen.get(pair);
			List<Instant> ofVacancy = this.receipts.get(pair.vacancyId());
			if (seen == null || ofVacancy == null) {
				return;
			}
			ofVacancy.stream()
				.filter((receipt) -> !receipt.isBefore(appendedAt.minusSeconds(1)))
				.min(Instant::compareTo)
				.filter((receipt) -> !receipt.isBefore(from) && receipt.isBefore(to))
				.ifPresent((receipt) -> points
					.add(new SvgChart.Point(seen, Duration.between(receipt, seen).toMillis() / 1000.0)));
		});
		points.sort(Comparator.comparing(SvgChart.Point::at));
		return points;
	}

	private double baseline() {
		try {
			BareSmtpLoop.rate("127.0.0.1", 1025, Math.min(200, this.settings.baselineMessages())); // warm-up
			double rate = BareSmtpLoop.rate("127.0.0.1", 1025, this.settings.baselineMessages());
			this.say.accept("bare Jakarta Mail loop, one reused connection: %.0f messages/s".formatted(rate));
			return rate;
		}
		catch (Exception ex) {
			this.workload.problems.add("the bare Jakarta Mail loop: " + ex);
			return 0;
		}
	}

	private static void join(List<CompletableFuture<Void>> futures) {
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
	}

	private static long seconds(long since) {
		return Duration.ofNanos(System.nanoTime() - since).toSeconds();
	}

}
