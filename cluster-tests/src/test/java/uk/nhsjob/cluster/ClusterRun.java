package uk.nhsjob.cluster;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.testsupport.feeds.Advert;
import uk.nhsjob.testsupport.oracle.AlertCriteria;
import uk.nhsjob.testsupport.oracle.AlertHistory;
import uk.nhsjob.testsupport.oracle.DeliveryTally;
import uk.nhsjob.testsupport.oracle.Expectation;
import uk.nhsjob.testsupport.oracle.ExpectedWelcome;
import uk.nhsjob.testsupport.oracle.Pair;
import uk.nhsjob.testsupport.oracle.ReceivedEmail;
import uk.nhsjob.testsupport.oracle.Revision;

import static org.awaitility.Awaitility.await;

/**
 * A seeded workload on a {@link Cluster}, in rounds, and its tally against the oracle.
 * Each round: feeds in every format pushed to random ingest instances, two of them of one
 * source at the same moment on two instances (a {@code 409} waits for its
 * {@code Retry-After} and goes again); then, while more feeds arrive, alerts created,
 * confirmed (through the confirmation page, with the token from the confirmation email),
 * edited and resumed through random matcher instances; the round waits until what the
 * oracle owes so far has arrived; then alerts paused, unsubscribed (one click) and erased
 * (one alert, or a whole address), and snapshots that close vacancies. A fault scheduled
 * for the round strikes while the feeds and the alert changes of its middle part run.
 * <p>
 * Every alert is {@code INSTANT}: a digest would need the child JVMs' clocks moved. What
 * the oracle is fed: the workload (what was created, confirmed, edited, paused, erased,
 * pushed) and the broker's append times of the profile and vacancy records; never the
 * production matching code.
 */
final class ClusterRun {

	/** The notifier's window; short, so a round's emails are out within seconds. */
	static final Duration COALESCING_WINDOW = Duration.ofSeconds(2);

	/** How long a change may take to reach every instance (docs/matching.md). */
	static final Duration GRACE = Duration.ofSeconds(5);

	/** A listing first seen later than this after its revision counts as late. */
	static final Duration LATE = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How big a run is.
	 *
	 * @param rounds rounds of the workload
	 * @param alertsPerRound alerts created each round
	 * @param faults whether faults strike (a Kafka node, then one instance of each
	 * service, killed -9 and started again)
	 */
	record Settings(int rounds, int alertsPerRound, boolean faults) {
	}

	/**
	 * A fault of the schedule.
	 *
	 * @param round the round it strikes in
	 * @param what what it kills
	 * @param brokerNode the Kafka node (1-based), or 0
	 * @param instance the service instance, or null
	 */
	record Fault(int round, String what, int brokerNode, ServiceInstance instance) {
	}

	/**
	 * What a run found.
	 *
	 * @param tally the table's numbers
	 * @param problems the workload's own problems (a refused request, a missing record)
	 */
	record Result(DeliveryTally tally, List<String> problems, Duration took) {
	}

	private final Cluster cluster;

	private final long seed;

	private final Settings settings;

	private final Consumer<String> say;

	private final Random random;

	private final Api api;

	private final Workload workload;

	private final Markers markers;

	private final AlertBook book;

	private final Map<Instant, String> phases = new LinkedHashMap<>();

	private final List<String> problems;

	private final Set<String> pendingConfirmation;

	private final ExecutorService pool = Executors.newFixedThreadPool(6);

	private List<Fault> schedule = List.of();

	ClusterRun(Cluster cluster, long seed, Settings settings, Consumer<String> say) {
		this.cluster = cluster;
		this.seed = seed;
		this.settings = settings;
		this.say = say;
		this.random = new Random(seed);
		this.api = new Api(cluster::instances, new Random(seed + 1));
		this.workload = new Workload(this.api, cluster.adminToken, this.random, Long.toString(seed & 0xffffffL, 36),
				say);
		this.markers = this.workload.markers;
		this.book = this.workload.book;
		this.problems = this.workload.problems;
		this.pendingConfirmation = this.workload.pendingConfirmation;
	}

	Result run() {
		long started = System.nanoTime();
		this.schedule = schedule();
		this.say.accept("Seed " + this.seed + " (set it with -Dcluster.seed=" + this.seed + "); " + this.settings
				+ "; layout " + this.cluster.layout());
		this.say.accept("Fault schedule: " + (this.schedule.isEmpty() ? "none"
				: this.schedule.stream()
					.map((fault) -> "round " + fault.round() + ": " + fault.what())
					.collect(Collectors.joining("; "))));
		this.workload.registerSources(2);
		try (Inbox inbox = new Inbox(this.cluster.smtp());
				AppendTimes appendTimes = new AppendTimes(this.cluster.bootstrapServers(), this.markers)) {
			for (int round = 1; round <= this.settings.rounds(); round++) {
				round(round, inbox, appendTimes);
			}
			this.phases.put(Instant.now(), "end");
			awaitOwed(inbox, appendTimes, Duration.ofMinutes(3));
			Cluster.pause(Duration.ofSeconds(5));
			DeliveryTally tally = tally(inbox, appendTimes);
			if (!tally.isExact()) {
				explain(inbox, appendTimes, tally);
			}
			return new Result(tally, List.copyOf(this.problems), Duration.ofNanos(System.nanoTime() - started));
		}
		finally {
			this.pool.shutdownNow();
		}
	}

	private List<Fault> schedule() {
		if (!this.settings.faults()) {
			return List.of();
		}
		List<Fault> faults = new ArrayList<>();
		int round = 2;
		if (this.cluster.layout().brokers() > 1) {
			int node = 1 + this.random.nextInt(this.cluster.layout().brokers());
			faults.add(new Fault(round++, "Kafka node " + node + " killed -9, started again", node, null));
		}
		for (String service : List.of(Cluster.MATCHER, Cluster.INGEST, Cluster.NOTIFIER)) {
			List<ServiceInstance> instances = this.cluster.instances(service);
			ServiceInstance victim = instances.get(this.random.nextInt(instances.size()));
			faults.add(new Fault(Math.min(round++, this.settings.rounds()), victim.name() + " killed -9, started again",
					0, victim));
		}
		return faults;
	}

	// --- one round ---

	private void round(int round, Inbox inbox, AppendTimes appendTimes) {
		List<Fault> faults = this.schedule.stream().filter((fault) -> fault.round() == round).toList();
		String phase = "round " + round + (faults.isEmpty() ? ""
				: " (" + faults.stream().map(Fault::what).collect(Collectors.joining(", ")) + ")");
		this.phases.put(Instant.now(), phase);
		this.say.accept("--- " + phase);
		// an hour ahead: a feed near midnight must not close today after midnight
		LocalDate today = this.cluster.clock.serviceDay(Instant.now().plus(Duration.ofHours(1)));

		// new alerts, while feeds arrive, two of them of one source at the same moment
		List<Runnable> creations = creations();
		List<CompletableFuture<Void>> feeds = new ArrayList<>();
		feeds.add(CompletableFuture.runAsync(() -> creations.forEach(Runnable::run), this.pool));
		for (int i = 0; i < 3; i++) {
			feeds.add(pushLater(pickEmployer(), today, Duration.ZERO));
		}
		Employer twice = pickEmployer();
		feeds.add(pushLater(twice, today, Duration.ZERO));
		feeds.add(pushLater(twice, today, Duration.ZERO));
		join(feeds);
		awaitConfirmationEmails(inbox, Duration.ofSeconds(90));
		Cluster.pause(GRACE.plusSeconds(1));

		// confirmations, edits and resumptions, while more feeds arrive, and the round's
		// fault
		List<Runnable> changes = changes(inbox);
		List<CompletableFuture<Void>> during = new ArrayList<>();
		during.add(CompletableFuture.runAsync(() -> changes.forEach(Runnable::run), this.pool));
		for (int i = 0; i < 3; i++) {
			during.add(pushLater(pickEmployer(), today, Duration.ofMillis(400L * i)));
		}
		for (Fault fault : faults) {
			during.add(CompletableFuture.runAsync(() -> strike(fault), this.pool));
		}
		join(during);
		awaitOwed(inbox, appendTimes, Duration.ofMinutes(faults.isEmpty() ? 2 : 3));

		// stops, and snapshots that close vacancies
		List<Runnable> stops = stops();
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		closing.add(CompletableFuture.runAsync(() -> stops.forEach(Runnable::run), this.pool));
		for (int i = 0; i < 2; i++) {
			Employer employer = pickEmployer();
			if (employer.openCount() > 2) {
				List<Advert> kept = employer.snapshotClosing(this.random, 1 + this.random.nextInt(2));
				closing.add(CompletableFuture.runAsync(() -> push(employer, kept, true), this.pool));
			}
		}
		join(closing);
		Cluster.pause(GRACE.plusSeconds(1));
	}

	private void strike(Fault fault) {
		Cluster.pause(Duration.ofMillis(300));
		if (fault.brokerNode() > 0) {
			this.cluster.killAndRestartBroker(fault.brokerNode(), Duration.ofSeconds(10));
			return;
		}
		this.api.down(fault.instance());
		try {
			this.cluster.killAndRestart(fault.instance(), Duration.ofSeconds(3));
		}
		finally {
			this.api.up(fault.instance());
		}
	}

	private static void join(List<CompletableFuture<Void>> futures) {
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
	}

	// --- feeds ---

	/** A delta feed, written now (from the seeded random), pushed after the delay. */
	private CompletableFuture<Void> pushLater(Employer employer, LocalDate today, Duration delay) {
		List<Advert> adverts = employer.delta(this.random, this.markers, today, 1 + this.random.nextInt(3),
				this.random.nextInt(3));
		return CompletableFuture.runAsync(() -> {
			Cluster.pause(delay);
			push(employer, adverts, false);
		}, this.pool);
	}

	// --- alerts ---

	/** The round's new alerts, decided now. */
	private List<Runnable> creations() {
		List<Runnable> creations = new ArrayList<>();
		for (int i = 0; i < this.settings.alertsPerRound(); i++) {
			String address = pickAddress();
			AlertCriteria criteria = criteria();
			creations.add(() -> create(address, criteria));
		}
		return creations;
	}

	/** The round's confirmations, edits and resumptions, decided now. */
	private List<Runnable> changes(Inbox inbox) {
		List<Runnable> changes = new ArrayList<>();
		for (String alertId : List.copyOf(this.pendingConfirmation)) {
			inbox.latest(Inbox.Kind.CONFIRMATION, alertId).ifPresent((email) -> {
				this.pendingConfirmation.remove(alertId);
				if (this.random.nextInt(10) < 9) {
					changes.add(() -> confirm(alertId, email.token()));
				}
			});
		}
		for (AlertBook.Alert alert : this.book.withStatus(AlertStatus.ACTIVE)) {
			if (manageToken(alert, inbox) && this.random.nextInt(100) < 20) {
				AlertCriteria criteria = criteria();
				changes.add(() -> put(alert, criteria, false));
			}
		}
		for (AlertBook.Alert alert : this.book.withStatus(AlertStatus.PAUSED)) {
			if (manageToken(alert, inbox) && this.random.nextInt(100) < 60) {
				changes.add(() -> put(alert, alert.criteria, false));
			}
		}
		java.util.Collections.shuffle(changes, this.random);
		return changes;
	}

	/**
	 * The round's pauses, unsubscriptions and erasures, decided now; nothing else is done
	 * to an address erased whole.
	 */
	private List<Runnable> stops() {
		List<Runnable> stops = new ArrayList<>();
		List<AlertBook.Alert> active = this.book.withStatus(AlertStatus.ACTIVE)
			.stream()
			.filter((alert) -> alert.manageToken != null)
			.toList();
		Set<String> erasedAddresses = new HashSet<>();
		for (AlertBook.Alert alert : active) {
			if (this.random.nextInt(100) < 2 && erasedAddresses.add(alert.address)) {
				stops.add(() -> eraseAddress(alert));
			}
		}
		for (AlertBook.Alert alert : active) {
			if (erasedAddresses.contains(alert.address)) {
				continue;
			}
			int dice = this.random.nextInt(100);
			if (dice < 12) {
				stops.add(() -> put(alert, alert.criteria, true));
			}
			else if (dice < 17 && alert.unsubscribeToken != null) {
				stops.add(() -> unsubscribe(alert));
			}
			else if (dice < 20) {
				stops.add(() -> erase(alert));
			}
		}
		return stops;
	}

	private boolean manageToken(AlertBook.Alert alert, Inbox inbox) {
		if (alert.manageToken == null) {
			inbox.latest(Inbox.Kind.WELCOME, alert.alertId)
				.or(() -> inbox.latest(Inbox.Kind.MATCHES, alert.alertId))
				.ifPresent((email) -> {
					alert.manageToken = email.token();
					alert.unsubscribeToken = email.unsubscribeToken();
				});
		}
		return alert.manageToken != null;
	}

	private String pickAddress() {
		return this.workload.pickAddress(this.settings.rounds() * this.settings.alertsPerRound() / 2);
	}

	private AlertCriteria criteria() {
		return this.workload.criteria();
	}

	private void create(String address, AlertCriteria criteria) {
		this.workload.create(address, criteria);
	}

	private void confirm(String alertId, String token) {
		this.workload.confirm(alertId, token);
	}

	private void push(Employer employer, List<Advert> adverts, boolean snapshot) {
		this.workload.push(employer, adverts, snapshot);
	}

	private Employer pickEmployer() {
		return this.workload.pickEmployer();
	}

	private void put(AlertBook.Alert alert, AlertCriteria criteria, boolean paused) {
		Instant start = Instant.now();
		HttpResponse<String> response = this.api.send(Cluster.MATCHER,
				(base) -> Api.request(base + "/api/v1/alerts/" + alert.alertId)
					.header("Authorization", "Bearer " + alert.manageToken)
					.header("Content-Type", "application/json")
					.PUT(BodyPublishers.ofString(JSON.writeValueAsString(
							Map.of("criteria", criteria.json(), "frequency", "INSTANT", "paused", paused)))));
		if (response.statusCode() != 200) {
			this.problems.add((paused ? "pausing " : "changing ") + alert.alertId + ": " + response.statusCode());
			return;
		}
		alert.changed(start, paused ? AlertStatus.PAUSED : AlertStatus.ACTIVE, criteria);
	}

	private void unsubscribe(AlertBook.Alert alert) {
		Instant start = Instant.now();
		HttpResponse<String> response = this.api.send(Cluster.MATCHER,
				(base) -> Api.request(base + "/alerts/unsubscribe?token=" + alert.unsubscribeToken)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString("List-Unsubscribe=One-Click")));
		if (response.statusCode() != 200) {
			this.problems.add("unsubscribing " + alert.alertId + ": " + response.statusCode());
			return;
		}
		alert.changed(start, AlertStatus.UNSUBSCRIBED, alert.criteria);
	}

	private void erase(AlertBook.Alert alert) {
		Instant start = Instant.now();
		HttpResponse<String> response = this.api.send(Cluster.MATCHER,
				(base) -> Api.request(base + "/api/v1/alerts/" + alert.alertId)
					.header("Authorization", "Bearer " + alert.manageToken)
					.DELETE());
		if (response.statusCode() != 204) {
			this.problems.add("erasing " + alert.alertId + ": " + response.statusCode());
			return;
		}
		alert.changed(start, null, alert.criteria);
	}

	private void eraseAddress(AlertBook.Alert alert) {
		List<AlertBook.Alert> ofAddress = this.book.ofAddress(alert.address);
		Instant start = Instant.now();
		HttpResponse<String> response = this.api.send(Cluster.MATCHER,
				(base) -> Api.request(base + "/api/v1/candidates/me")
					.header("Authorization", "Bearer " + alert.manageToken)
					.DELETE());
		if (response.statusCode() != 204) {
			this.problems.add("erasing the address of " + alert.alertId + ": " + response.statusCode());
			return;
		}
		ofAddress.forEach((erased) -> {
			erased.changed(start, null, erased.criteria);
			this.pendingConfirmation.remove(erased.alertId);
		});
	}

	// --- waiting and counting ---

	private void awaitConfirmationEmails(Inbox inbox, Duration atMost) {
		try {
			await().atMost(atMost)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> this.pendingConfirmation.stream()
					.allMatch((alertId) -> inbox.latest(Inbox.Kind.CONFIRMATION, alertId).isPresent()));
		}
		catch (ConditionTimeoutException ex) {
			this.say.accept("confirmation emails still missing after " + atMost.toSeconds() + " s");
		}
	}

	/**
	 * Waits until every listing and welcome owed so far has arrived, or the time is up
	 * (the tally at the end counts what is missing).
	 */
	private void awaitOwed(Inbox inbox, AppendTimes appendTimes, Duration atMost) {
		try {
			await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> missing(inbox, appendTimes) == 0);
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
		return this.workload.expectation(appendTimes, this.cluster.clock::serviceDay, GRACE, problems);
	}

	private DeliveryTally tally(Inbox inbox, AppendTimes appendTimes) {
		Expectation expected = expectation(appendTimes, this.problems);
		List<ReceivedEmail> received = this.workload.received(inbox.mails());
		Map<Inbox.Kind, Long> kinds = inbox.mails()
			.stream()
			.collect(Collectors.groupingBy(Inbox.Mail::kind, java.util.TreeMap::new, Collectors.counting()));
		this.say.accept("%d alerts, %d vacancy revisions, emails received: %s".formatted(this.book.all().size(),
				appendTimes.revisions(new ArrayList<>()).size(), kinds));
		DeliveryTally tally = new DeliveryTally(this.phases, expected, received, LATE, this.book::inboxOf);
		Set<String> welcomed = new HashSet<>();
		received.stream().filter(ReceivedEmail::welcome).forEach((email) -> welcomed.add(email.alertId()));
		Set<Pair> onTopic = appendTimes.matchesOnTheAlertsTopic();
		Set<String> welcomeSetsOnTopic = appendTimes.welcomeSetsOnTheAlertsTopic();
		List<Pair> lost = tally.lost();
		List<String> lostWelcomes = expected.welcomes()
			.stream()
			.map(ExpectedWelcome::alertId)
			.filter((alertId) -> !welcomed.contains(alertId))
			.toList();
		this.say.accept(("where the lost ones stopped: %d of %d lost listings have their match on the alerts topic; "
				+ "%d of %d lost welcome emails have their welcome set there")
			.formatted(lost.stream().filter(onTopic::contains).count(), lost.size(),
					lostWelcomes.stream().filter(welcomeSetsOnTopic::contains).count(), lostWelcomes.size()));
		this.say.accept("dead letters: " + appendTimes.deadLetters());
		this.say.accept("consumer groups behind (records; a transaction marker counts one): " + appendTimes.lags());
		Map<String, Set<String>> confirmations = new HashMap<>();
		inbox.mails()
			.stream()
			.filter((mail) -> mail.kind() == Inbox.Kind.CONFIRMATION && mail.alertId() != null)
			.forEach((mail) -> confirmations.computeIfAbsent(mail.alertId(), (id) -> new HashSet<>())
				.add(mail.messageId()));
		this.say.accept("confirmation emails: %d of %d alerts have one, %d of them under more than one Message-ID"
			.formatted(confirmations.size(), this.book.all().size(),
					confirmations.values().stream().filter((ids) -> ids.size() > 1).count()));
		return tally;
	}

	/**
	 * For each alert a problem names: its states and welcome emails, and every revision
	 * of the vacancies its emails list, so that a failed run can be read without running
	 * it again.
	 */
	private void explain(Inbox inbox, AppendTimes appendTimes, DeliveryTally tally) {
		List<AlertHistory> histories = this.book.histories(appendTimes.profileRecords(), new ArrayList<>());
		List<Revision> revisions = appendTimes.revisions(new ArrayList<>());
		for (AlertHistory history : histories) {
			if (tally.problems().stream().limit(20).noneMatch((problem) -> problem.contains(history.alertId()))) {
				continue;
			}
			String address = this.book.inboxOf(history.alertId());
			this.say.accept("explain " + history.alertId() + " of " + address + ": " + history.states());
			this.say.accept("  the address's alerts: " + this.book.all()
				.stream()
				.filter((alert) -> alert.address.equals(address))
				.map((alert) -> alert.alertId)
				.toList());
			Set<String> vacancies = new java.util.TreeSet<>();
			inbox.mails()
				.stream()
				.filter((mail) -> history.alertId().equals(mail.alertId())
						|| mail.alertIds().contains(history.alertId()))
				.forEach((mail) -> {
					this.say.accept("  " + mail.kind() + " " + mail.messageId() + " seen " + mail.seenAt() + " to "
							+ mail.address() + " for " + mail.alertId() + " " + mail.alertIds() + " total "
							+ mail.total() + " lists " + mail.vacancyIds());
					vacancies.addAll(mail.vacancyIds());
				});
			revisions.stream()
				.filter((revision) -> vacancies.contains(revision.posting().id()))
				.forEach((revision) -> this.say.accept("  revision " + revision));
		}
	}

}
