package uk.nhsjob.cluster;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.testsupport.feeds.Advert;
import uk.nhsjob.testsupport.oracle.AlertCriteria;
import uk.nhsjob.testsupport.oracle.AlertHistory;
import uk.nhsjob.testsupport.oracle.AppendTimeOracle;
import uk.nhsjob.testsupport.oracle.Centroids;
import uk.nhsjob.testsupport.oracle.DeliveryTally;
import uk.nhsjob.testsupport.oracle.Expectation;
import uk.nhsjob.testsupport.oracle.MatchOracle;
import uk.nhsjob.testsupport.oracle.ReceivedEmail;
import uk.nhsjob.testsupport.oracle.Revision;

/**
 * What a workload does through the services' HTTP side, and what it has done: sources
 * registered and their feeds pushed, alerts created (drawn from the seeded
 * {@link Random}) and confirmed, all written in its {@link AlertBook}; and what the
 * oracle makes of it. Shared by the cluster runs ({@link ClusterRun}) and the
 * load-and-fault run ({@link LoadRun}).
 */
final class Workload {

	static final String[] HOMES = { "NR1 3SR", "NR2 2AA", "NR18 8AB", "LS6 2AB" };

	private static final String[] KEYWORDS = { "audio", "typing -bank", "\"clinic letters\"", "diary",
			"letters -\"night shifts\"" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final Api api;

	final Random random;

	final Markers markers = new Markers();

	final AlertBook book = new AlertBook();

	final List<Employer> employers = new ArrayList<>();

	final List<String> problems = new CopyOnWriteArrayList<>();

	final Set<String> pendingConfirmation = ConcurrentHashMap.newKeySet();

	/** A short name of the run, in its source ids and addresses. */
	final String run;

	private final String adminToken;

	private final Consumer<String> say;

	private final Map<String, String> apiKeys = new ConcurrentHashMap<>();

	/**
	 * @param adminToken the ingest's admin token, to register sources with
	 */
	Workload(Api api, String adminToken, Random random, String run, Consumer<String> say) {
		this.api = api;
		this.adminToken = adminToken;
		this.random = random;
		this.run = run;
		this.say = say;
	}

	// --- feeds ---

	/** Registers {@code perFormat} sources for each feed format. */
	void registerSources(int perFormat) {
		int n = 0;
		for (Employer.Format format : Employer.Format.values()) {
			for (int i = 1; i <= perFormat; i++) {
				n++;
				String sourceId = "src-" + this.run + "-" + format.name().toLowerCase().replace('_', '-') + "-" + i;
				Employer employer = new Employer(sourceId, "Employer " + n + " " + format, format,
						HOMES[n % HOMES.length]);
				HttpResponse<String> created = this.api.send(Cluster.INGEST,
						(base) -> Api.request(base + "/api/v1/admin/sources")
							.header("Authorization", "Bearer " + this.adminToken)
							.header("Content-Type", "application/json")
							.POST(BodyPublishers.ofString(JSON
								.writeValueAsString(Map.of("sourceId", sourceId, "name", employer.name, "employerType",
										employer.employerType().name(), "postcode", employer.postcode)))));
				if (created.statusCode() != 201) {
					throw new IllegalStateException(
							"Registering " + sourceId + ": " + created.statusCode() + " " + created.body());
				}
				this.apiKeys.put(sourceId, JSON.readTree(created.body()).path("apiKey").asString());
				this.employers.add(employer);
			}
		}
	}

	Employer pickEmployer() {
		synchronized (this.random) {
			return this.employers.get(this.random.nextInt(this.employers.size()));
		}
	}

	/** A delta feed of the employer's, written now from the seeded random. */
	List<Advert> delta(Employer employer, LocalDate today) {
		synchronized (this.random) {
			return employer.delta(this.random, this.markers, today, 1 + this.random.nextInt(3), this.random.nextInt(3));
		}
	}

	/**
	 * Pushes a feed to a random ingest instance, again after a {@code 409} or {@code 429}
	 * once its {@code Retry-After} has passed.
	 * @return when the ingest answered {@code 200} (its receipt), or null when it never
	 * did (told to {@link #problems})
	 */
	@Nullable Instant push(Employer employer, List<Advert> adverts, boolean snapshot) {
		byte[] body = employer.body(adverts).getBytes(StandardCharsets.UTF_8);
		for (int attempt = 1; attempt <= 20; attempt++) {
			HttpResponse<String> response = this.api.send(Cluster.INGEST, (base) -> Api
				.request(base + "/api/v1/feeds/" + employer.sourceId + "?mode=" + (snapshot ? "snapshot" : "delta"))
				.header("Authorization", "Bearer " + this.apiKeys.get(employer.sourceId))
				.header("Content-Type", employer.format.contentType)
				.POST(BodyPublishers.ofByteArray(body)));
			if (response.statusCode() == 200) {
				Instant receipt = Instant.now();
				JsonNode answer = JSON.readTree(response.body());
				if (!answer.path("rejected").isEmpty()) {
					this.problems.add("feed of " + employer.sourceId + " rejected " + answer.path("rejected"));
				}
				employer.accepted(adverts, snapshot);
				return receipt;
			}
			if (response.statusCode() == 409 || response.statusCode() == 429) {
				long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
				this.say.accept(
						"feed of " + employer.sourceId + ": " + response.statusCode() + ", again in " + wait + " s");
				Cluster.pause(Duration.ofSeconds(Math.max(1, wait)));
				continue;
			}
			this.problems.add("feed of " + employer.sourceId + ": " + response.statusCode() + " " + response.body());
			return null;
		}
		this.problems.add("feed of " + employer.sourceId + " still refused after 20 attempts");
		return null;
	}

	// --- alerts ---

	/**
	 * An address from a pool of {@code pool}, with fewer than three alerts so far (far
	 * from the limit per address).
	 */
	String pickAddress(int pool) {
		synchronized (this.random) {
			for (int attempt = 0; attempt < 20; attempt++) {
				String address = "c" + this.random.nextInt(Math.max(4, pool)) + "-" + this.run + "@example.org";
				if (this.book.ofAddress(address).size() < 3) {
					return address;
				}
			}
			return "c" + this.random.nextInt(Integer.MAX_VALUE) + "-" + this.run + "@example.org";
		}
	}

	AlertCriteria criteria() {
		synchronized (this.random) {
			AlertCriteria criteria = AlertCriteria.near(HOMES[this.random.nextInt(HOMES.length)],
					List.of(5, 10, 20, 40).get(this.random.nextInt(4)));
			if (this.random.nextInt(100) < 30) {
				List<Band> bands = List.of(Band.BAND_3, Band.BAND_4, Band.BAND_5, Band.BAND_6);
				int low = this.random.nextInt(4);
				int high = low + this.random.nextInt(4 - low);
				criteria = criteria.bands(bands.get(low), bands.get(high));
			}
			if (this.random.nextInt(100) < 20) {
				criteria = criteria.minSalary(List.of(28000, 33000, 40000).get(this.random.nextInt(3)));
			}
			if (this.random.nextInt(100) < 25) {
				criteria = criteria.keywords(KEYWORDS[this.random.nextInt(KEYWORDS.length)]);
			}
			if (this.random.nextInt(100) < 15) {
				criteria = criteria
					.specialties(this.random.nextBoolean() ? Specialty.CARDIOLOGY : Specialty.DERMATOLOGY);
			}
			if (this.random.nextInt(100) < 15) {
				EmployerType[] types = { EmployerType.NHS_TRUST, EmployerType.GP_PRACTICE,
						EmployerType.PRIVATE_PRACTICE };
				criteria = criteria.employerTypes(types[this.random.nextInt(3)]);
			}
			if (this.random.nextInt(100) < 15) {
				criteria = criteria
					.contractTypes(this.random.nextBoolean() ? ContractType.PERMANENT : ContractType.FIXED_TERM);
			}
			if (this.random.nextInt(100) < 20) {
				criteria = criteria.includingRemote();
			}
			return criteria;
		}
	}

	/** Creates an INSTANT alert through a random matcher instance. */
	void create(String address, AlertCriteria criteria) {
		Instant start = Instant.now();
		HttpResponse<String> created = this.api.send(Cluster.MATCHER, (base) -> Api.request(base + "/api/v1/alerts")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON
				.writeValueAsString(Map.of("email", address, "frequency", "INSTANT", "criteria", criteria.json())))));
		if (created.statusCode() != 202) {
			this.problems.add("creating an alert: " + created.statusCode() + " " + created.body());
			return;
		}
		String alertId = JSON.readTree(created.body()).path("alertId").asString();
		this.book.created(alertId, address, criteria, start);
		this.pendingConfirmation.add(alertId);
	}

	/** Confirms an alert through the confirmation page, with its email's token. */
	void confirm(String alertId, String token) {
		AlertBook.Alert alert = this.book.all()
			.stream()
			.filter((candidate) -> candidate.alertId.equals(alertId))
			.findFirst()
			.orElseThrow();
		Instant start = Instant.now();
		HttpResponse<String> confirmed = this.api.send(Cluster.MATCHER,
				(base) -> Api.request(base + "/alerts/confirm?token=" + token)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString("")));
		if (confirmed.statusCode() / 100 != 2) {
			this.problems.add("confirming " + alertId + ": " + confirmed.statusCode());
			return;
		}
		alert.changed(start, AlertStatus.ACTIVE, alert.criteria);
	}

	// --- what the oracle says ---

	/**
	 * What the oracle expects from what the workload did and the topics' append times.
	 * @param serviceDay the services' day at a broker time
	 * @param grace how long a change may take to reach every instance
	 * @param problems told of a change whose record is missing
	 */
	Expectation expectation(AppendTimes appendTimes, Function<Instant, LocalDate> serviceDay, Duration grace,
			List<String> problems) {
		List<AlertHistory> histories = this.book.histories(appendTimes.profileRecords(), problems);
		List<Revision> revisions = appendTimes.revisions(problems);
		AppendTimeOracle oracle = new AppendTimeOracle(new MatchOracle(Centroids.shipped()), serviceDay::apply, grace);
		return oracle.expect(histories, revisions);
	}

	/** Listings and welcome emails owed that have not arrived. */
	long missing(Expectation expected, List<Inbox.Mail> mails) {
		// counted as the tally counts them: an email of several alerts, a vacancy the
		// address had under another alert, the ones an email says it has but not lists
		DeliveryTally tally = new DeliveryTally(Map.of(Instant.EPOCH, "all"), expected, received(mails),
				Duration.ofDays(1), this.book::inboxOf);
		return tally.totals().lost() + tally.totals().welcomesLost();
	}

	/** The emails about vacancies (matches and welcomes) for the workload's alerts. */
	List<ReceivedEmail> received(List<Inbox.Mail> mails) {
		Set<String> ours = this.book.all().stream().map((alert) -> alert.alertId).collect(Collectors.toSet());
		List<ReceivedEmail> received = new ArrayList<>();
		for (Inbox.Mail mail : mails) {
			if ((mail.kind() == Inbox.Kind.MATCHES || mail.kind() == Inbox.Kind.WELCOME) && mail.alertId() != null
					&& ours.contains(mail.alertId())) {
				received.add(new ReceivedEmail(mail.alertId(), mail.messageId(), mail.kind() == Inbox.Kind.WELCOME,
						mail.vacancyIds(), mail.total(), mail.seenAt(), mail.remindedIds(), mail.alertIds()));
			}
		}
		return received;
	}

}
