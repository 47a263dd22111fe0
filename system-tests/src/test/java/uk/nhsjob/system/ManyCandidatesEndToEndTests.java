package uk.nhsjob.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.feeds.Advert;
import uk.nhsjob.testsupport.kafka.TopicReader;
import uk.nhsjob.testsupport.oracle.AlertCriteria;
import uk.nhsjob.testsupport.oracle.Centroids;
import uk.nhsjob.testsupport.oracle.EmailOracle;
import uk.nhsjob.testsupport.oracle.ExpectedEmail;
import uk.nhsjob.testsupport.oracle.Match;
import uk.nhsjob.testsupport.oracle.MatchOracle;
import uk.nhsjob.testsupport.oracle.Pair;
import uk.nhsjob.testsupport.oracle.Pay;
import uk.nhsjob.testsupport.oracle.Posting;
import uk.nhsjob.testsupport.oracle.Publication;
import uk.nhsjob.testsupport.oracle.Subscription;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many candidates on the three services, without a browser: fifteen alerts, each set just
 * inside or just outside one criterion (radius, bands, minimum salary, an excluded word,
 * a phrase, an excluded phrase, remote working, specialty, employer, contract), one
 * paused, one unsubscribed and one daily; one mixed feed in each of the four formats, in
 * two rounds. The (alert, vacancy) pairs on {@code nhsjob.alerts.v1} must be the ones
 * {@link MatchOracle} finds, and every inbox must hold the emails {@link EmailOracle}
 * groups them into. Then a snapshot closes a vacancy before the 07:00 digest, which
 * leaves it out; then one address is erased, and no MongoDB collection of any service,
 * nor any profile record after its tombstones, holds it any more.
 * <p>
 * The services' clock starts at 05:00 in London on a fixed day and is moved on where the
 * story needs it; feed dates are counted from it.
 */
@SlowTest
@RealInfrastructure
class ManyCandidatesEndToEndTests {

	/** Long enough that a round's matches share one window; the clock jumps past it. */
	private static final Duration COALESCING_WINDOW = Duration.ofMinutes(20);

	/** 05:00 on a Tuesday in winter, two hours before the daily digest. */
	private static final LocalDateTime START = LocalDateTime.of(2030, 1, 15, 5, 0);

	/** Norwich; the sector NR1 3. */
	private static final String HOME = "NR1 3SR";

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9_.=-]+");

	private static final Pattern MANAGE_TOKEN = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/manage\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/unsubscribe\\?token=[A-Za-z0-9_.=-]+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningServices services;

	private final RestClient http = RestClient.create();

	private final String run = Long.toString(System.nanoTime(), 36);

	private final MatchOracle matching = new MatchOracle(Centroids.shipped());

	private final EmailOracle emailing = new EmailOracle(COALESCING_WINDOW);

	private final Map<String, Subscription> alerts = new LinkedHashMap<>();

	private final List<Publication> publications = new ArrayList<>();

	private final Map<String, Instant> closedAt = new HashMap<>();

	private final Map<String, String> vacancyByApplyUrl = new HashMap<>();

	private final Map<String, String> apiKeys = new HashMap<>();

	@BeforeAll
	static void startTheServices() {
		services = new RunningServices(MovableClock.startingAt(START, RunningServices.LONDON), COALESCING_WINDOW)
			.start();
	}

	@AfterAll
	static void stopTheServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void everyInboxHoldsWhatTheRulesSayAndAnErasedAddressIsForgottenEverywhere(Mailbox mailbox,
			TestInfrastructure infrastructure) {
		LocalDate today = services.clock.today();
		String erased = address("erased");
		subscribeEveryone(mailbox, infrastructure, erased);

		String trust = register("trust-" + this.run, "Norfolk Hospitals NHS Trust", EmployerType.NHS_TRUST, "NR4 7UY");
		String clinic = register("clinic-" + this.run, "Broadland Private Clinic", EmployerType.PRIVATE_PRACTICE,
				"NR2 2AA");
		String nhsJobs = register("nhsjobs-" + this.run, "Norfolk Community NHS Trust", EmployerType.NHS_TRUST,
				"NR4 7UY");
		String surgery = register("surgery-" + this.run, "Wymondham Surgery", EmployerType.GP_PRACTICE, "NR18 8AB");

		try (TopicReader matches = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.ALERTS);
				TopicReader vacancies = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.VACANCIES);
				ConsumerGroups groups = new ConsumerGroups(infrastructure.kafkaBootstrapServers())) {

			// round one: a trust's native JSON and a private clinic's JSON-LD
			List<Advert> trustFeed = trustAdverts(trust, today);
			push(trust, "application/json", Advert.nativeJson(trustFeed), "delta", trustFeed, vacancies);
			List<Advert> clinicFeed = clinicAdverts(clinic, today);
			push(clinic, "application/ld+json", Advert.jsonLd(clinicFeed, "Broadland Private Clinic"), "delta",
					clinicFeed, vacancies);
			assertPairsOnTheAlertTopic(matches, vacancies, groups);
			groups.awaitAllCaughtUp(Topics.ALERTS, matches);
			services.clock.advance(COALESCING_WINDOW.plusMinutes(1));
			assertEveryInboxAsExpected(mailbox);

			// round two: NHS Jobs XML and a GP surgery's spreadsheet
			List<Advert> nhsJobsFeed = nhsJobsAdverts(nhsJobs, today);
			push(nhsJobs, "application/xml", Advert.nhsJobsXml(nhsJobsFeed, "Norfolk Community NHS Trust"), "delta",
					nhsJobsFeed, vacancies);
			List<Advert> surgeryFeed = surgeryAdverts(surgery, today);
			push(surgery, "text/csv", Advert.spreadsheetCsv(surgeryFeed), "delta", surgeryFeed, vacancies);
			assertPairsOnTheAlertTopic(matches, vacancies, groups);
			groups.awaitAllCaughtUp(Topics.ALERTS, matches);
			services.clock.advance(COALESCING_WINDOW.plusMinutes(1));
			assertEveryInboxAsExpected(mailbox);

			// before 07:00 a snapshot without its dermatology post closes that post
			Advert dermatology = trustFeed.stream()
				.filter((advert) -> advert.posting().specialties().contains(Specialty.DERMATOLOGY))
				.findFirst()
				.orElseThrow();
			List<Advert> snapshot = trustFeed.stream().filter((advert) -> advert != dermatology).toList();
			Map<String, Object> receipt = feed(trust, "application/json", Advert.nativeJson(snapshot), "snapshot");
			assertThat(receipt).containsEntry("closed", 1).containsEntry("published", 0);
			this.closedAt.put(dermatology.posting().id(), services.clock.instant());
			vacancies.await(dermatology.posting().id(),
					(published) -> "CLOSED".equals(published.path("vacancy").path("status").asString()));
			groups.awaitAllCaughtUp(Topics.VACANCIES, vacancies);
			assertThat(services.clock.instant())
				.isBefore(START.toLocalDate().atTime(LocalTime.of(7, 0)).atZone(RunningServices.LONDON).toInstant());
			services.clock.advanceTo(START.toLocalDate().atTime(7, 0, 30).atZone(RunningServices.LONDON).toInstant());
			assertEveryInboxAsExpected(mailbox);
			// not a story where nothing happens: every live alert hears of something
			assertThat(expectedEmails()).extracting(ExpectedEmail::address)
				.containsAll(this.alerts.values()
					.stream()
					.filter((alert) -> alert.status() == AlertStatus.ACTIVE)
					.map(Subscription::address)
					.toList())
				.doesNotContain(address("unsubscribed"));
			// what the oracle said, and the inbox held: the closed post left out, the one
			// closing today in
			assertThat(expectedEmails()).filteredOn((email) -> email.address().equals(address("daily")))
				.singleElement()
				.satisfies((digest) -> assertThat(digest.vacancyIds()).doesNotContain(dermatology.posting().id())
					.contains(id(surgery, "C2")))
				.satisfies((digest) -> assertThat(digest.alertIds()).as("one digest for both daily alerts").hasSize(2));
			assertThat(expectedEmails()).filteredOn((email) -> email.address().equals(address("together")))
				.as("an instant email of both alerts of the address")
				.anyMatch((email) -> email.alertIds().size() == 2);
		}

		eraseAndLookEverywhere(mailbox, infrastructure, erased);
	}

	// --- the alerts ---

	private void subscribeEveryone(Mailbox mailbox, TestInfrastructure infrastructure, String erased) {
		Map<String, AlertCriteria> instant = new LinkedHashMap<>();
		instant.put("radius", AlertCriteria.near(HOME, 10));
		instant.put("bands", AlertCriteria.near(HOME, 25).bands(Band.BAND_5, Band.BAND_6));
		instant.put("band-at-most-3", AlertCriteria.near(HOME, 25).bands(null, Band.BAND_3));
		instant.put("min-salary", AlertCriteria.near(HOME, 25).minSalary(30162));
		instant.put("phrase", AlertCriteria.near(HOME, 25).keywords("\"clinic letters\""));
		instant.put("no-phrase", AlertCriteria.near(HOME, 25).keywords("secretary -\"night shifts\""));
		instant.put("with-remote", AlertCriteria.near(HOME, 5).includingRemote());
		instant.put("without-remote", AlertCriteria.near(HOME, 5));
		instant.put("specialty", AlertCriteria.near(HOME, 25).specialties(Specialty.CARDIOLOGY));
		instant.put("gp-anywhere", AlertCriteria.any().employerTypes(EmployerType.GP_PRACTICE));
		instant.put("fixed-term", AlertCriteria.near(HOME, 25).contractTypes(ContractType.FIXED_TERM));
		instant.put("unsubscribed", AlertCriteria.near(HOME, 25));
		instant.forEach((name, criteria) -> subscribe(name, address(name), Frequency.INSTANT, criteria));
		// one address with two alerts, one live and one paused: erased at the end
		subscribe("no-bank", erased, Frequency.INSTANT, AlertCriteria.near(HOME, 25).keywords("audio -bank"));
		subscribe("paused", erased, Frequency.INSTANT, AlertCriteria.near(HOME, 25));
		subscribe("daily", address("daily"), Frequency.DAILY, AlertCriteria.near(HOME, 25));
		// one email per person: an address's two instant alerts share an email per
		// window,
		// and the daily address's second alert its digest, each vacancy once
		subscribe("together-near", address("together"), Frequency.INSTANT, AlertCriteria.near(HOME, 10));
		subscribe("together-gp", address("together"), Frequency.INSTANT,
				AlertCriteria.any().employerTypes(EmployerType.GP_PRACTICE));
		subscribe("daily-cardiology", address("daily"), Frequency.DAILY,
				AlertCriteria.near(HOME, 25).specialties(Specialty.CARDIOLOGY));

		Map<String, Long> alertsPerAddress = this.alerts.values()
			.stream()
			.collect(Collectors.groupingBy(Subscription::address, Collectors.counting()));
		alertsPerAddress.forEach((address, count) -> await().atMost(Mailbox.DEFAULT_WAIT)
			.untilAsserted(() -> assertThat(confirmations(mailbox, address))
				.as(() -> "confirmations to " + address + " among "
						+ mailbox.messages().stream().map(MailContent::subject).toList())
				.hasSize(count.intValue())));
		alertsPerAddress.keySet()
			.forEach((address) -> confirmations(mailbox, address).forEach((email) -> confirm(email)));
		alertsPerAddress.forEach((address, count) -> await().atMost(Mailbox.DEFAULT_WAIT)
			.untilAsserted(() -> assertThat(welcomes(mailbox, address)).as("welcome emails to " + address)
				.hasSize(count.intValue())));

		pause(alertNamed("paused"), welcomes(mailbox, erased));
		unsubscribe(welcomes(mailbox, address("unsubscribed")).get(0));
		this.alerts.computeIfPresent("paused", (name, alert) -> alert.withStatus(AlertStatus.PAUSED));
		this.alerts.computeIfPresent("unsubscribed", (name, alert) -> alert.withStatus(AlertStatus.UNSUBSCRIBED));

		// every profile on the stream as the matcher and the notifier will read it
		try (TopicReader profiles = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.PROFILES)) {
			this.alerts.values()
				.forEach((alert) -> profiles.await(alert.alertId(),
						(profile) -> alert.status().name().equals(profile.path("status").asString())));
		}
		Instant active = services.clock.instant();
		this.alerts.replaceAll((name, alert) -> new Subscription(alert.alertId(), alert.address(), alert.frequency(),
				alert.status(), alert.criteria(), active));
	}

	private void subscribe(String name, String address, Frequency frequency, AlertCriteria criteria) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.matcherUrl() + "/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", address, "frequency", frequency.name(), "criteria", criteria.json()))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String alertId = (String) created.getBody().get("alertId");
		this.alerts.put(name,
				new Subscription(alertId, address, frequency, AlertStatus.ACTIVE, criteria, services.clock.instant()));
	}

	private void confirm(MimeMessage confirmation) {
		Matcher link = CONFIRM_LINK.matcher(MailContent.plainText(confirmation));
		assertThat(link.find()).as("a confirm link in the confirmation email").isTrue();
		ResponseEntity<String> confirmed = this.http.post()
			.uri(link.group())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(new LinkedMultiValueMap<>())
			.retrieve()
			.toEntity(String.class);
		assertThat(confirmed.getStatusCode().is2xxSuccessful()).isTrue();
	}

	/**
	 * Pauses the alert with the manage token, of those in the address's emails, that is
	 * its own.
	 */
	private void pause(Subscription alert, List<MimeMessage> emails) {
		String token = emails.stream()
			.map(this::manageToken)
			.filter((candidate) -> this.http.get()
				.uri(services.matcherUrl() + "/api/v1/alerts/" + alert.alertId())
				.header("Authorization", "Bearer " + candidate)
				.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()))
			.findFirst()
			.orElseThrow();
		ResponseEntity<Map> paused = this.http.put()
			.uri(services.matcherUrl() + "/api/v1/alerts/" + alert.alertId())
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("criteria", alert.criteria().json(), "frequency", alert.frequency().name(), "paused", true))
			.retrieve()
			.toEntity(Map.class);
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void unsubscribe(MimeMessage email) {
		Matcher link = UNSUBSCRIBE_LINK.matcher(MailContent.header(email, "List-Unsubscribe"));
		assertThat(link.find()).as("List-Unsubscribe").isTrue();
		MultiValueMap<String, String> oneClick = new LinkedMultiValueMap<>();
		oneClick.add("List-Unsubscribe", "One-Click");
		ResponseEntity<String> done = this.http.post()
			.uri(link.group())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(oneClick)
			.retrieve()
			.toEntity(String.class);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private String manageToken(MimeMessage email) {
		Matcher link = MANAGE_TOKEN.matcher(MailContent.plainText(email));
		assertThat(link.find()).as("a manage link in the email").isTrue();
		return link.group(1);
	}

	// --- the feeds: just inside and just outside each alert's criteria ---

	/**
	 * Native JSON, a trust by the Norfolk and Norwich: one post 9.3 miles from home and
	 * one 10.3; pay tops of £30,161 and £30,162; "bank" and "banking"; a remote post in
	 * Leeds.
	 */
	private List<Advert> trustAdverts(String source, LocalDate today) {
		EmployerType trust = EmployerType.NHS_TRUST;
		return List.of(
				advert(source, "J1",
						Posting
							.of(id(source, "J1"), "Medical Secretary - Cardiology",
									"Audio typing of clinic letters for the cardiology consultants.", trust, "NR4 7UY",
									today.plusDays(20))
							.band(Band.BAND_5)
							.pay(Pay.perYear(37796))
							.contract(ContractType.PERMANENT)
							.specialties(Specialty.CARDIOLOGY),
						"Norwich")
					.salary("£31,049 - £37,796 per annum"),
				advert(source, "J2",
						Posting
							.of(id(source, "J2"), "Medical Secretary", "Audio typing for the bank staff office.", trust,
									"NR18 8AB", today.plusDays(20))
							.band(Band.BAND_4)
							.pay(Pay.perYear(30161))
							.contract(ContractType.FIXED_TERM),
						"Wymondham")
					.salary("£27,485 - £30,161 per annum"),
				advert(source, "J3",
						Posting
							.of(id(source, "J3"), "Medical Secretary", "Audio typing; experience in banking welcome.",
									trust, "NR13 3AB", today.plusDays(20))
							.band(Band.BAND_4)
							.pay(Pay.perYear(30162))
							.contract(ContractType.PERMANENT),
						"Brundall")
					.salary("£27,485 - £30,162 per annum"),
				advert(source, "J4",
						Posting
							.of(id(source, "J4"), "Medical Secretary - Dermatology",
									"Clinic-Letters and diary management.", trust, "NR4 7UY", today.plusDays(20))
							.band(Band.BAND_6)
							.pay(Pay.perYear(46580))
							.contract(ContractType.PERMANENT)
							.specialties(Specialty.DERMATOLOGY),
						"Norwich")
					.salary("£38,682 - £46,580 per annum"),
				advert(source, "J5",
						Posting
							.of(id(source, "J5"), "Medical Secretary", "Typing from anywhere.", trust, "LS1 3EX",
									today.plusDays(20))
							.band(Band.BAND_4)
							.pay(Pay.perYear(30162))
							.contract(ContractType.PERMANENT)
							.remote(RemoteWorking.REMOTE),
						"Leeds")
					.salary("£27,485 - £30,162 per annum")
					.remoteField("Remote"));
	}

	/**
	 * JSON-LD, a private clinic a mile from home: pay per hour (band 5 from it), no pay
	 * at all, and a remote post close by.
	 */
	private List<Advert> clinicAdverts(String source, LocalDate today) {
		EmployerType clinic = EmployerType.PRIVATE_PRACTICE;
		return List.of(
				advert(source, "L1",
						Posting
							.of(id(source, "L1"), "Medical Secretary - Cardiology", "Audio typing of clinic letters.",
									clinic, "NR2 2AA", today.plusDays(10))
							.band(Band.BAND_5)
							.pay(Pay.perHour(16))
							.specialties(Specialty.CARDIOLOGY),
						"Norwich")
					.salaryFrom(16),
				advert(source, "L2",
						Posting.of(id(source, "L2"), "Medical Secretary", "Typing and filing.", clinic, "NR2 2AA",
								today.plusDays(10)),
						"Norwich"),
				advert(source, "L3",
						Posting
							.of(id(source, "L3"), "Medical Secretary", "Typing for our clinics.", clinic, "NR2 2AA",
									today.plusDays(10))
							.band(Band.BAND_4)
							.pay(Pay.perYear(29000))
							.remote(RemoteWorking.REMOTE),
						"Norwich")
					.salaryFrom(28000));
	}

	/**
	 * NHS Jobs XML: the words of a phrase apart, an excluded phrase, a hybrid post near
	 * home and one in Leeds.
	 */
	private List<Advert> nhsJobsAdverts(String source, LocalDate today) {
		EmployerType trust = EmployerType.NHS_TRUST;
		return List.of(
				advert(source, "X1",
						Posting
							.of(id(source, "X1"), "Medical Secretary", "Letters for the clinic and audio typing.",
									trust, "NR4 7UY", today.plusDays(15))
							.band(Band.BAND_4)
							.pay(Pay.perYear(30162))
							.contract(ContractType.FIXED_TERM)
							.specialties(Specialty.CARDIOLOGY),
						"Norwich")
					.salary("£27,485 to £30,162 a year")
					.specialtyField("Cardiology"),
				advert(source, "X2",
						Posting
							.of(id(source, "X2"), "Hybrid Medical Secretary", "Work on night shifts two weeks a month.",
									trust, "NR4 7UY", today.plusDays(15))
							.band(Band.BAND_5)
							.pay(Pay.perYear(37796))
							.contract(ContractType.PERMANENT)
							.remote(RemoteWorking.HYBRID),
						"Norwich")
					.salary("£31,049 to £37,796 a year"),
				advert(source, "X3",
						Posting
							.of(id(source, "X3"), "Hybrid Medical Secretary", "Typing for the Leeds team.", trust,
									"LS1 3EX", today.plusDays(15))
							.band(Band.BAND_5)
							.pay(Pay.perYear(37796))
							.contract(ContractType.PERMANENT)
							.remote(RemoteWorking.HYBRID),
						"Leeds")
					.salary("£31,049 to £37,796 a year"));
	}

	/**
	 * A GP surgery's spreadsheet: band 3, a post closing today, and one in Leeds for the
	 * alert that asks for GP practices anywhere.
	 */
	private List<Advert> surgeryAdverts(String source, LocalDate today) {
		EmployerType surgery = EmployerType.GP_PRACTICE;
		return List.of(
				advert(source, "C1",
						Posting
							.of(id(source, "C1"), "Medical Secretary", "Audio typing, night shift cover not needed.",
									surgery, "NR18 8AB", today.plusDays(12))
							.band(Band.BAND_3)
							.pay(Pay.perYear(25674))
							.contract(ContractType.PERMANENT),
						"Wymondham")
					.salary("£24,071 - £25,674 per annum"),
				advert(source, "C2",
						Posting
							.of(id(source, "C2"), "Medical Secretary - Cardiology", "Clinic letters.", surgery,
									"NR4 7UY", today)
							.band(Band.BAND_5)
							.pay(Pay.perYear(37796))
							.contract(ContractType.PERMANENT)
							.specialties(Specialty.CARDIOLOGY),
						"Norwich")
					.salary("£31,049 - £37,796 per annum")
					.specialtyField("Cardiology"),
				advert(source, "C3", Posting
					.of(id(source, "C3"), "Medical Secretary", "Typing.", surgery, "LS6 2AB", today.plusDays(12))
					.band(Band.BAND_4)
					.pay(Pay.perYear(30162))
					.contract(ContractType.PERMANENT), "Leeds").salary("£27,485 - £30,162 per annum"));
	}

	private Advert advert(String source, String externalId, Posting posting, String town) {
		String applyUrl = "https://jobs.example.org/" + source + "/" + externalId;
		this.vacancyByApplyUrl.put(applyUrl, posting.id());
		return Advert.of(externalId, posting, town, applyUrl);
	}

	private static String id(String source, String externalId) {
		return source + ":" + externalId;
	}

	private String register(String sourceId, String name, EmployerType employerType, String postcode) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.ingestUrl() + "/api/v1/admin/sources")
			.header("Authorization", "Bearer " + services.adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sourceId", sourceId, "name", name, "employerType", employerType.name(), "postcode", postcode))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.apiKeys.put(sourceId, (String) created.getBody().get("apiKey"));
		return sourceId;
	}

	/** Pushes a feed, checks the receipt, and checks the vacancies came out as stated. */
	private void push(String source, String contentType, String body, String mode, List<Advert> adverts,
			TopicReader vacancies) {
		Map<String, Object> receipt = feed(source, contentType, body, mode);
		assertThat(receipt).as(contentType + " receipt").containsEntry("received", adverts.size());
		assertThat((List<?>) receipt.get("rejected")).as(contentType + " rejections").isEmpty();
		assertThat(receipt).containsEntry("published", adverts.size());
		Instant publishedAt = services.clock.instant();
		SoftAssertions softly = new SoftAssertions();
		for (Advert advert : adverts) {
			Posting stated = advert.posting();
			JsonNode vacancy = vacancies.await(stated.id(), (published) -> true).path("vacancy");
			String what = contentType + " " + stated.id() + " ";
			softly.assertThat(vacancy.path("status").asString()).as(what + "status").isEqualTo("OPEN");
			softly.assertThat(vacancy.path("employerType").asString())
				.as(what + "employerType")
				.isEqualTo(stated.employerType().name());
			softly.assertThat(labelOrNull(vacancy.path("bandMin")))
				.as(what + "bandMin")
				.isEqualTo((stated.bandMin() != null) ? stated.bandMin().label() : null);
			softly.assertThat(labelOrNull(vacancy.path("bandMax")))
				.as(what + "bandMax")
				.isEqualTo((stated.bandMax() != null) ? stated.bandMax().label() : null);
			softly.assertThat(vacancy.path("remote").asString()).as(what + "remote").isEqualTo(stated.remote().name());
			softly.assertThat(vacancy.path("postcode").asString()).as(what + "postcode").isEqualTo(stated.postcode());
			softly.assertThat(vacancy.path("closingDate").asString())
				.as(what + "closingDate")
				.isEqualTo(stated.closingDate().toString());
			softly.assertThat(labelOrNull(vacancy.path("contractType")))
				.as(what + "contractType")
				.isEqualTo((stated.contractType() != null) ? stated.contractType().name() : null);
			List<String> specialties = new ArrayList<>();
			vacancy.path("specialties").forEach((specialty) -> specialties.add(specialty.asString()));
			softly.assertThat(specialties)
				.as(what + "specialties")
				.containsExactlyInAnyOrderElementsOf(stated.specialties().stream().map(Enum::name).toList());
			if (stated.pay() != null) {
				softly.assertThat(vacancy.path("salaryMaxAnnual").asDouble())
					.as(what + "salaryMaxAnnual")
					.isCloseTo(stated.pay().annualFullTimeMaximum(), Offset.offset(1.0));
			}
			else {
				softly
					.assertThat(
							vacancy.path("salaryMaxAnnual").isNull() || vacancy.path("salaryMaxAnnual").isMissingNode())
					.as(what + "no salary")
					.isTrue();
			}
			this.publications.add(new Publication(stated, publishedAt));
		}
		softly.assertAll();
	}

	private static String labelOrNull(JsonNode node) {
		return (node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

	private Map<String, Object> feed(String source, String contentType, String body, String mode) {
		return this.http.post()
			.uri(services.ingestUrl() + "/api/v1/feeds/" + source + "?mode=" + mode)
			.header("Authorization", "Bearer " + this.apiKeys.get(source))
			.contentType(MediaType.parseMediaType(contentType))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

	// --- what came out ---

	private List<Match> expectedMatches() {
		return this.matching.matches(this.alerts.values(), this.publications, this.closedAt);
	}

	private List<ExpectedEmail> expectedEmails() {
		return this.emailing.emails(expectedMatches(), this.closedAt, services.clock.instant());
	}

	/**
	 * The oracle's pairs, each once, are those on the alert topic for this test's alerts:
	 * read once the matcher has committed every vacancy published, so no pair it would
	 * still add is missed.
	 */
	private void assertPairsOnTheAlertTopic(TopicReader matches, TopicReader vacancies, ConsumerGroups groups) {
		Set<Pair> expected = MatchOracle.pairsOf(expectedMatches());
		await().atMost(Duration.ofSeconds(60)).until(() -> pairsOn(matches.catchUp()).size() >= expected.size());
		groups.awaitAllCaughtUp(Topics.VACANCIES, vacancies);
		List<Pair> seen = pairsOn(matches.catchUpToEnd());
		assertThat(seen).as("(alert, vacancy) pairs on " + Topics.ALERTS).doesNotHaveDuplicates();
		assertThat(Set.copyOf(seen)).as("(alert, vacancy) pairs on " + Topics.ALERTS).isEqualTo(expected);
	}

	private List<Pair> pairsOn(TopicReader matches) {
		Set<String> ours = this.alerts.values().stream().map(Subscription::alertId).collect(Collectors.toSet());
		List<Pair> pairs = new ArrayList<>();
		for (ConsumerRecord<String, String> record : matches.records()) {
			if (record.value() == null || !ours.contains(record.key())) {
				continue;
			}
			JsonNode match = JSON.readTree(record.value());
			if (match.has("matchId")) {
				pairs.add(
						new Pair(match.path("alertId").asString(), match.path("vacancy").path("vacancyId").asString()));
			}
		}
		return pairs;
	}

	/**
	 * Each address's emails about new vacancies (not its confirmation or welcome emails),
	 * as the vacancies each lists, are the oracle's; and stay so for a while.
	 */
	private void assertEveryInboxAsExpected(Mailbox mailbox) {
		Map<String, List<List<String>>> expected = byAddress(expectedEmails());
		await().atMost(Mailbox.DEFAULT_WAIT).untilAsserted(() -> assertThat(inboxes(mailbox)).isEqualTo(expected));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(inboxes(mailbox)).isEqualTo(expected));
	}

	private Map<String, List<List<String>>> byAddress(List<ExpectedEmail> emails) {
		Map<String, List<List<String>>> inboxes = new TreeMap<>();
		this.alerts.values().forEach((alert) -> inboxes.put(alert.address(), new ArrayList<>()));
		emails.forEach((email) -> inboxes.get(email.address()).add(email.vacancyIds().stream().sorted().toList()));
		inboxes.values().forEach((inbox) -> inbox.sort(Comparator.comparing(Object::toString)));
		return inboxes;
	}

	private Map<String, List<List<String>>> inboxes(Mailbox mailbox) {
		Map<String, List<List<String>>> inboxes = new TreeMap<>();
		for (String address : this.alerts.values().stream().map(Subscription::address).distinct().toList()) {
			List<List<String>> inbox = new ArrayList<>();
			for (MimeMessage email : mailbox.messagesTo(address)) {
				String subject = MailContent.subject(email);
				if (subject.startsWith("Confirm your job alert") || subject.startsWith("Your job alert is on")) {
					continue;
				}
				inbox.add(vacanciesListedIn(email));
			}
			inbox.sort(Comparator.comparing(Object::toString));
			inboxes.put(address, inbox);
		}
		return inboxes;
	}

	private List<String> vacanciesListedIn(MimeMessage email) {
		Matcher links = Pattern.compile("https://jobs\\.example\\.org/[a-z0-9-]+/[A-Z0-9]+")
			.matcher(MailContent.plainText(email));
		Set<String> vacancies = new TreeSet<>();
		while (links.find()) {
			vacancies.add(this.vacancyByApplyUrl.getOrDefault(links.group(), links.group()));
		}
		return List.copyOf(vacancies);
	}

	// --- erasure ---

	private void eraseAndLookEverywhere(Mailbox mailbox, TestInfrastructure infrastructure, String erased) {
		String token = manageToken(welcomes(mailbox, erased).get(0));
		ResponseEntity<Void> gone = this.http.delete()
			.uri(services.matcherUrl() + "/api/v1/candidates/me")
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.toBodilessEntity();
		assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		List<String> erasedAlerts = this.alerts.values()
			.stream()
			.filter((alert) -> alert.address().equals(erased))
			.map(Subscription::alertId)
			.toList();
		NoTraceLeft.assertForgotten(infrastructure, erased, erasedAlerts);
	}

	// --- small helpers ---

	private String address(String name) {
		// the run first: the mailbox finds an address within a recipient, and
		// "phrase-…" is within "no-phrase-…"
		return this.run + "-" + name + "@example.org";
	}

	private Subscription alertNamed(String name) {
		return this.alerts.get(name);
	}

	private static List<MimeMessage> confirmations(Mailbox mailbox, String address) {
		return mailbox.messagesTo(address)
			.stream()
			.filter((email) -> MailContent.subject(email).startsWith("Confirm your job alert"))
			.toList();
	}

	private static List<MimeMessage> welcomes(Mailbox mailbox, String address) {
		return mailbox.messagesTo(address)
			.stream()
			.filter((email) -> MailContent.subject(email).startsWith("Your job alert is on"))
			.toList();
	}

}
