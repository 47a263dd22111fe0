package uk.nhsjob.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.TopicReader;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No address and no token in any log line or metric label (docs/operations.md, "Logs"):
 * the admin token the ingest service makes is printed once, on a line of its own, and
 * everything else the three services print while a candidate goes the whole way (an alert
 * created, confirmed through its link, a welcome set and a match emailed, the manage
 * page, a one-click unsubscribe, the address erased), while an SMTP server refuses
 * another candidate's address quoting it in its reply, and while the profile record of
 * that candidate is retried and dead-lettered, is searched for every address and token
 * the run used; and so is every service's Prometheus page.
 */
@SlowTest
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

	private static final Pattern TOKEN = Pattern.compile("[?&]token=([^\\s\"<>&]+)");

	private static final Pattern LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/(confirm|manage|unsubscribe)\\?token=[^\\s\"<>&]+");

	/** How the ingest service prints the admin token it made, to the console alone. */
	private static final String ADMIN_TOKEN_PRINTED = "Admin token for this run (nhsjob.ingest.admin-token): ";

	private final RestClient http = RestClient.create();

	/** Every address and token of the run: none may be printed. */
	private final Set<String> secrets = new LinkedHashSet<>();

	@Test
	void noAddressOrTokenReachesTheLogsOrTheMetricsOfAJourneyARefusalAndADeadLetter(Mailbox mailbox,
			CapturedOutput output) throws IOException {
		try (RunningServices services = new RunningServices().withIngestMakingItsAdminToken().start();
				TopicReader deadProfiles = new TopicReader(Topics.deadLetterTopicOf(Topics.PROFILES));
				TopicReader profiles = new TopicReader(Topics.PROFILES)) {
			// the test's SMTP server stands for the candidates' mail providers, not for
			// a service: its own INFO lines name every mailbox it makes
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel("com.icegreen", LogLevel.WARN);
			String adminToken = printedAdminToken(output);
			this.secrets.add(adminToken);
			String candidate = "log-privacy-" + System.nanoTime() + "@example.org";
			this.secrets.add(candidate);
			String sourceId = "log-privacy-trust-" + System.nanoTime();
			String apiKey = registerSource(services, adminToken, sourceId);
			this.secrets.add(apiKey);
			pushFeed(services, sourceId, apiKey, "W1", "Medical Secretary to the Cardiology Team");

			createAlert(services, candidate);
			MimeMessage confirmation = mailbox.awaitMessageTo(candidate);
			String confirmUrl = link(confirmation, "confirm");
			assertThat(this.http.get().uri(confirmUrl).retrieve().toEntity(String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
			post(confirmUrl, "");
			MimeMessage welcome = mailbox.awaitMessageTo(candidate,
					(message) -> MailContent.plainText(message).contains("Medical Secretary to the Cardiology Team"));
			pushFeed(services, sourceId, apiKey, "M1", "Medical Secretary to the Respiratory Team");
			MimeMessage match = mailbox.awaitMessageTo(candidate,
					(message) -> MailContent.plainText(message).contains("Medical Secretary to the Respiratory Team"));
			List.of(confirmation, welcome, match).forEach(this::rememberTokens);

			String manageUrl = link(match, "manage");
			assertThat(this.http.get().uri(manageUrl).retrieve().toEntity(String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
			String unsubscribeUrl = link(match, "unsubscribe");
			assertThat(post(unsubscribeUrl, "List-Unsubscribe=One-Click")).contains("unsubscribed");
			String manageToken = tokenOf(manageUrl);
			ResponseEntity<Void> erased = this.http.delete()
				.uri(services.matcherUrl() + "/api/v1/candidates/me")
				.header("Authorization", "Bearer " + manageToken)
				.retrieve()
				.toBodilessEntity();
			assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

			String bounced = "log-privacy-bounced-" + System.nanoTime() + "@example.org";
			this.secrets.add(bounced);
			refusedWelcome(services, mailbox, bounced);

			String refused = "log-privacy-refused-" + System.nanoTime() + "@example.org";
			this.secrets.add(refused);
			String profile = refusedConfirmation(services, profiles, refused);
			Matcher tokens = TOKEN.matcher(profile);
			while (tokens.find()) {
				this.secrets.add(tokens.group(1));
			}

			unreadableProfile(deadProfiles, output);

			String metrics = String.join("\n", metricsOf(services.ingestUrl()), metricsOf(services.matcherUrl()),
					metricsOf(services.notifierUrl()));
			assertThat(this.secrets).hasSizeGreaterThanOrEqualTo(8);
			for (String secret : this.secrets) {
				assertThat(metrics).as("the metrics").doesNotContainIgnoringCase(secret);
			}
		}
		// the one line that may hold a secret: the made admin token, printed, not logged
		List<String> printed = output.getAll().lines().filter((line) -> !line.startsWith(ADMIN_TOKEN_PRINTED)).toList();
		assertThat(printed).anySatisfy((line) -> assertThat(line).contains("Dead-lettering " + Topics.PROFILES))
			.anySatisfy((line) -> assertThat(line).contains("Suppressed the address of email"));
		for (String secret : this.secrets) {
			// also as Kafka's deserialisers dump a record: its bytes as decimal numbers
			String asBytes = Arrays.toString(secret.getBytes(StandardCharsets.UTF_8)).replaceAll("^\\[|\\]$", "");
			assertThat(printed.stream().filter((line) -> line.contains(asBytes)))
				.as("lines printed with %s in them as bytes", secret)
				.isEmpty();
			assertThat(printed.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))))
				.as("lines printed with %s in them", secret)
				.isEmpty();
		}
	}

	/**
	 * A profile record the services cannot read, whose bad field is an address: the
	 * matcher skips it, the notifier dead-letters it, and each says so.
	 */
	private void unreadableProfile(TopicReader deadProfiles, CapturedOutput output) {
		String alertId = UUID.randomUUID().toString();
		String address = "log-privacy-unreadable-" + System.nanoTime() + "@example.org";
		String token = "unreadable-token-" + System.nanoTime();
		this.secrets.add(address);
		this.secrets.add(token);
		String value = """
				{"schemaVersion":2,"alertId":"%s","revision":"%s","email":"%s",
				 "confirmUrl":"http://localhost/alerts/confirm?token=%s"}""".formatted(alertId, address, address,
				token);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.PROFILES, alertId, value));
		}
		deadProfiles.awaitRaw(alertId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getAll().contains("Skipped unreadable profile record " + Topics.PROFILES));
	}

	/**
	 * A candidate who confirms, whose welcome email the SMTP server then refuses, naming
	 * the address in its reply: the notifier suppresses the address and says why.
	 */
	private void refusedWelcome(RunningServices services, Mailbox mailbox, String address) throws IOException {
		createAlert(services, address);
		MimeMessage confirmation = mailbox.awaitMessageTo(address);
		rememberTokens(confirmation);
		double suppressed = suppressedEmails(services);
		JavaMailSenderImpl sender = services.notifierBean(JavaMailSenderImpl.class);
		String host = sender.getHost();
		int port = sender.getPort();
		try (FaultySmtpServer smtp = new FaultySmtpServer()) {
			smtp.failNext(address, Fault.UNKNOWN_QUOTED);
			sender.setHost(smtp.host());
			sender.setPort(smtp.port());
			post(link(confirmation, "confirm"), "");
			await().atMost(Duration.ofSeconds(30)).until(() -> suppressedEmails(services) > suppressed);
			assertThat(smtp.recipientsTried()).contains(address);
		}
		finally {
			sender.setHost(host);
			sender.setPort(port);
		}
	}

	private double suppressedEmails(RunningServices services) {
		return metricsOf(services.notifierUrl()).lines()
			.filter((line) -> line.startsWith("notifier_emails_suppressed_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * A candidate whose confirmation the SMTP server refuses for good, naming the address
	 * in its reply: the notifier's ledger suppresses the address, keeping and logging the
	 * reply.
	 * @return the profile record that asked for the confirmation, which carries the
	 * candidate's links
	 */
	private String refusedConfirmation(RunningServices services, TopicReader profiles, String address)
			throws IOException {
		JavaMailSenderImpl sender = services.notifierBean(JavaMailSenderImpl.class);
		String host = sender.getHost();
		int port = sender.getPort();
		try (FaultySmtpServer smtp = new FaultySmtpServer()) {
			smtp.failNext(address, Fault.UNKNOWN_QUOTED);
			sender.setHost(smtp.host());
			sender.setPort(smtp.port());
			String alertId = createAlert(services, address);
			MongoTemplate ledger = services.notifierBean(MongoTemplate.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ledger.getCollection("deliveries")
					.find(Filters.and(Filters.eq("_id", alertId + "/confirmation/1"),
							Filters.eq("state", "SUPPRESSED")))
					.first() != null);
			assertThat(smtp.recipientsTried()).contains(address);
			return profiles.awaitRaw(alertId);
		}
		finally {
			sender.setHost(host);
			sender.setPort(port);
		}
	}

	/** The token the ingest service made, from the one line that prints it. */
	private static String printedAdminToken(CapturedOutput output) {
		List<String> lines = output.getAll().lines().filter((line) -> line.startsWith(ADMIN_TOKEN_PRINTED)).toList();
		assertThat(lines).as("the admin token printed once, on a line of its own").hasSize(1);
		return lines.get(0).substring(ADMIN_TOKEN_PRINTED.length()).strip();
	}

	private void rememberTokens(MimeMessage message) {
		String text = MailContent.plainText(message) + "\n" + MailContent.header(message, "List-Unsubscribe");
		Matcher tokens = TOKEN.matcher(text);
		while (tokens.find()) {
			this.secrets.add(tokens.group(1));
		}
	}

	private static String link(MimeMessage message, String page) {
		Matcher links = LINK.matcher(MailContent.plainText(message));
		while (links.find()) {
			if (links.group(1).equals(page)) {
				return links.group();
			}
		}
		throw new AssertionError("no " + page + " link in " + MailContent.subject(message));
	}

	private static String tokenOf(String url) {
		Matcher token = TOKEN.matcher(url);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private String post(String url, String form) {
		ResponseEntity<String> answer = this.http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(String.class);
		assertThat(answer.getStatusCode().is2xxSuccessful()).isTrue();
		return String.valueOf(answer.getBody());
	}

	private String metricsOf(String serviceUrl) {
		return this.http.get().uri(serviceUrl + "/actuator/prometheus").retrieve().body(String.class);
	}

	private String registerSource(RunningServices services, String adminToken, String sourceId) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.ingestUrl() + "/api/v1/admin/sources")
			.header("Authorization", "Bearer " + adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sourceId", sourceId, "name", "Leeds Teaching Hospitals NHS Trust", "employerType",
					"NHS_TRUST", "postcode", "LS1 3EX"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("apiKey");
	}

	private String createAlert(RunningServices services, String address) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.matcherUrl() + "/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", address, "frequency", "INSTANT", "criteria",
					Map.of("postcode", "LS6", "radiusMiles", 10)))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) created.getBody().get("alertId");
	}

	private void pushFeed(RunningServices services, String sourceId, String apiKey, String externalId, String title) {
		String feed = """
				{"vacancies": [{
				  "externalId": "%s",
				  "title": "%s",
				  "description": "<p>Audio typing for a busy team.</p>",
				  "band": "Band 4",
				  "salary": "£27,485 - £30,162 per annum",
				  "hours": "37.5 hours per week",
				  "contractType": "Permanent",
				  "postcode": "LS1 3EX",
				  "town": "Leeds",
				  "closingDate": "%s",
				  "applyUrl": "https://jobs.example.org/%s/%s"
				}]}
				""".formatted(externalId, title, services.clock.today().plusDays(30), sourceId, externalId);
		Map<String, Object> receipt = this.http.post()
			.uri(services.ingestUrl() + "/api/v1/feeds/" + sourceId)
			.header("Authorization", "Bearer " + apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(feed)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(receipt).containsEntry("published", 1);
	}

}
