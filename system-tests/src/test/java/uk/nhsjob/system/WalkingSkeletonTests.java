package uk.nhsjob.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.LinkedMultiValueMap;
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
 * The whole path once, through the services' real interfaces: an employer's feed in, a
 * candidate's alert confirmed from the link in its email, and the matching job emailed to
 * the candidate; and at the end of the path, stopped alerts erased after the retention
 * period on a moved clock.
 */
@SlowTest
@RealInfrastructure
class WalkingSkeletonTests {

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9_.=-]+");

	private static RunningServices services;

	private final RestClient http = RestClient.create();

	@BeforeAll
	static void startTheServices() {
		services = new RunningServices().start();
	}

	@AfterAll
	static void stopTheServices() {
		services.close();
	}

	@Test
	void aVacancyPushedByATrustReachesTheCandidateWhoseConfirmedAlertItMatches(Mailbox mailbox) {
		String candidate = "skeleton-" + System.nanoTime() + "@example.org";
		String sourceId = "skeleton-trust-" + System.nanoTime();

		String apiKey = registerSource(sourceId);
		confirmAlertFromItsEmail(mailbox, candidate, createAlert(candidate));

		String applyUrl = "https://jobs.example.org/" + sourceId + "/C42";
		Map<String, Object> receipt = pushFeed(sourceId, apiKey, applyUrl);
		assertThat(receipt).containsEntry("received", 1).containsEntry("published", 1);

		MimeMessage email = mailbox.awaitMessageTo(candidate,
				(message) -> MailContent.subject(message).startsWith("1 new"));
		assertThat(MailContent.subject(email)).isEqualTo("1 new job: consultant secretary within 10 miles of LS6");
		assertThat(Mailbox.isAddressedTo(email, candidate)).isTrue();
		assertThat(MailContent.plainText(email)).contains("Medical Secretary to Consultant Cardiologist")
			.contains(applyUrl);
		assertThat(MailContent.html(email)).contains("href=\"" + applyUrl + "\"");
		assertThat(MailContent.header(email, "List-Unsubscribe")).contains("/alerts/unsubscribe?token=");
	}

	/**
	 * The same job from two sources (docs/matching.md): a trust's own feed and its NHS
	 * Jobs listing carry one job, which reaches the candidate once.
	 */
	@Test
	void theSameJobPushedByTwoSourcesReachesTheCandidateOnce(Mailbox mailbox) {
		String candidate = "same-job-" + System.nanoTime() + "@example.org";
		String trust = "same-job-trust-" + System.nanoTime();
		String listing = "same-job-listing-" + System.nanoTime();
		String employer = "Leeds Teaching Hospitals NHS Trust (" + trust + ")";
		String trustKey = registerSource(trust, employer);
		String listingKey = registerSource(listing, employer);
		confirmAlertFromItsEmail(mailbox, candidate, createAlert(candidate));

		String own = "https://jobs.example.org/" + trust + "/C42";
		String listed = "https://jobs.example.org/" + listing + "/N42";
		assertThat(pushFeed(trust, trustKey, "C42", own)).containsEntry("published", 1);
		assertThat(pushFeed(listing, listingKey, "N42", listed)).containsEntry("published", 1);
		// the same source's second vacancy is a job of its own
		String marker = "https://jobs.example.org/" + trust + "/C43";
		pushFeed(trust, trustKey, "C43", marker);

		mailbox.awaitMessageTo(candidate, (message) -> MailContent.plainText(message).contains(marker));
		String everything = mailbox.messagesTo(candidate)
			.stream()
			.map(MailContent::plainText)
			.collect(Collectors.joining());
		assertThat(everything).contains(own).doesNotContain(listed);
	}

	/**
	 * "This wasn't me" (docs/alerts.md): the confirmation email's link opens a page that
	 * changes nothing, and its button erases the address, with an alert confirmed
	 * earlier, from every service.
	 */
	@Test
	void theConfirmationEmailsNotMeLinkErasesTheAddressFromEveryService(Mailbox mailbox,
			TestInfrastructure infrastructure) {
		String candidate = "not-me-" + System.nanoTime() + "@example.org";
		String confirmed = createAlert(candidate);
		confirmAlertFromItsEmail(mailbox, candidate, confirmed);
		String unasked = createAlert(candidate, "LS7");
		MimeMessage confirmation = mailbox.awaitMessageTo(candidate,
				(message) -> MailContent.subject(message).contains("LS7"));
		assertThat(MailContent.plainText(confirmation))
			.contains("If you did not ask for this alert, ignore this email");
		Matcher link = Pattern.compile("https?://[^\\s\"<>]+/alerts/not-me\\?token=[A-Za-z0-9_.=-]+")
			.matcher(MailContent.plainText(confirmation));
		assertThat(link.find()).as("a \"this wasn't me\" link in the confirmation email").isTrue();
		String notMeUrl = link.group();

		ResponseEntity<String> page = this.http.get().uri(notMeUrl).retrieve().toEntity(String.class);
		assertThat(page.getBody()).contains("Delete my address");
		String manageToken;
		try (TopicReader profiles = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.PROFILES)) {
			manageToken = tokenOf(profiles.await(confirmed, (profile) -> true).path("manageUrl").asString(), "manage");
		}
		assertThat(statusOf(confirmed, manageToken)).isEqualTo("ACTIVE");
		assertThat(statusOf(unasked, tokenOf(notMeUrl, "not-me"))).as("a not-me token manages nothing").isNull();

		ResponseEntity<String> erased = this.http.post()
			.uri(notMeUrl)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(new LinkedMultiValueMap<>())
			.retrieve()
			.toEntity(String.class);
		assertThat(erased.getBody()).contains("Your address is deleted");
		NoTraceLeft.assertForgotten(infrastructure, candidate, List.of(confirmed, unasked));
	}

	/**
	 * Manage by email (docs/alerts.md): a candidate who lost their alert emails asks for
	 * the link, the matcher's notice reaches the notifier, whose email opens the page of
	 * every alert of the address, and its button erases the address from every service.
	 */
	@Test
	void aCandidateWithoutTheirAlertEmailsGetsTheLinkToThemByEmail(Mailbox mailbox, TestInfrastructure infrastructure) {
		String candidate = "find-" + System.nanoTime() + "@example.org";
		String alertId = createAlert(candidate);
		confirmAlertFromItsEmail(mailbox, candidate, alertId);

		ResponseEntity<Void> asked = this.http.post()
			.uri(services.matcherUrl() + "/api/v1/candidates/manage-link")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", candidate))
			.retrieve()
			.toBodilessEntity();
		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		MimeMessage email = mailbox.awaitMessageTo(candidate,
				(message) -> MailContent.subject(message).equals("Your job alerts"));
		Matcher link = Pattern.compile("https?://[^\\s\"<>]+/alerts/mine\\?token=[A-Za-z0-9_.=-]+")
			.matcher(MailContent.plainText(email));
		assertThat(link.find()).as("a link to the address's alerts in the email").isTrue();
		assertThat(link.group()).startsWith(services.matcherUrl());

		ResponseEntity<String> page = this.http.get().uri(link.group()).retrieve().toEntity(String.class);
		assertThat(page.getBody()).contains("/alerts/manage?token=");
		ResponseEntity<String> erased = this.http.post()
			.uri(link.group().replace("/alerts/mine?", "/alerts/mine/erase?"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(new LinkedMultiValueMap<>())
			.retrieve()
			.toEntity(String.class);
		assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
		NoTraceLeft.assertForgotten(infrastructure, candidate, List.of(alertId));
	}

	/**
	 * Retention (docs/alerts.md, "Retention"): an alert unsubscribed and another left to
	 * expire are erased once they have been stopped for the retention period, and with
	 * them the address, from every service's database and from the profile topic after
	 * the tombstones.
	 */
	@Test
	void anAddressWhoseAlertsStoppedIsForgottenByEveryServiceAfterTheRetentionPeriod(Mailbox mailbox,
			TestInfrastructure infrastructure) {
		String candidate = "retention-" + System.nanoTime() + "@example.org";
		String sourceId = "retention-trust-" + System.nanoTime();
		String apiKey = registerSource(sourceId);
		String unsubscribed = createAlert(candidate);
		confirmAlertFromItsEmail(mailbox, candidate, unsubscribed);
		String applyUrl = "https://jobs.example.org/" + sourceId + "/C42";
		pushFeed(sourceId, apiKey, applyUrl);
		MimeMessage match = mailbox.awaitMessageTo(candidate,
				(message) -> MailContent.plainText(message).contains(applyUrl));
		String expired = createAlert(candidate, "LS7");
		mailbox.awaitMessageTo(candidate, (message) -> MailContent.subject(message).contains("LS7"));
		String manageToken = tokenOf(MailContent.plainText(match), "manage");
		List<Object> suppression = suppressedByTheNextEmail(infrastructure, candidate,
				() -> pushFeed(sourceId, apiKey, "C43", "https://jobs.example.org/" + sourceId + "/C43"));

		String unsubscribeUrl = MailContent.header(match, "List-Unsubscribe").replaceAll("^<|>$", "");
		this.http.post()
			.uri(unsubscribeUrl)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.retrieve()
			.toBodilessEntity();
		assertThat(statusOf(unsubscribed, manageToken)).isEqualTo("UNSUBSCRIBED");

		services.clock.advance(Duration.ofDays(8));
		String expiredManageToken;
		try (TopicReader profiles = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.PROFILES)) {
			expiredManageToken = tokenOf(
					profiles.await(expired, (profile) -> profile.path("status").asString().equals("EXPIRED"))
						.path("manageUrl")
						.asString(),
					"manage");
		}
		// stopped for 8 days and for a moment: both kept
		assertThat(statusOf(unsubscribed, manageToken)).isEqualTo("UNSUBSCRIBED");
		assertThat(statusOf(expired, expiredManageToken)).isEqualTo("EXPIRED");

		services.clock.advance(Duration.ofDays(30).minusHours(1));
		// the unsubscribed one, stopped 38 days ago, goes; the expired one, 30 days less
		// an hour ago, stays
		await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(unsubscribed, manageToken) == null);
		assertThat(statusOf(expired, expiredManageToken)).isEqualTo("EXPIRED");

		services.clock.advance(Duration.ofHours(2));
		NoTraceLeft.assertForgotten(infrastructure, candidate, List.of(unsubscribed, expired));
		try (MongoDatabases mongo = new MongoDatabases(infrastructure.mongoUri())) {
			assertThat(mongo.ids("nhsjob-notifier", "suppressedAddresses")).as("the suppression, by its hash alone")
				.containsAll(suppression);
		}
	}

	/**
	 * Has the SMTP server refuse the address's next email, quoting it in the reply, so
	 * that the notifier suppresses the address.
	 * @return the ids of the suppressions that appeared
	 */
	private List<Object> suppressedByTheNextEmail(TestInfrastructure infrastructure, String address, Runnable send) {
		JavaMailSenderImpl sender = services.notifierBean(JavaMailSenderImpl.class);
		String host = sender.getHost();
		int port = sender.getPort();
		try (FaultySmtpServer smtp = new FaultySmtpServer();
				MongoDatabases mongo = new MongoDatabases(infrastructure.mongoUri())) {
			List<Object> before = mongo.ids("nhsjob-notifier", "suppressedAddresses");
			smtp.failNext(address, Fault.UNKNOWN_QUOTED);
			sender.setHost(smtp.host());
			sender.setPort(smtp.port());
			send.run();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !mongo.ids("nhsjob-notifier", "suppressedAddresses").equals(before));
			assertThat(smtp.recipientsTried()).contains(address);
			List<Object> appeared = new ArrayList<>(mongo.ids("nhsjob-notifier", "suppressedAddresses"));
			appeared.removeAll(before);
			return appeared;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			sender.setHost(host);
			sender.setPort(port);
		}
	}

	private @Nullable String statusOf(String alertId, String manageToken) {
		ResponseEntity<Map> answer = this.http.get()
			.uri(services.matcherUrl() + "/api/v1/alerts/" + alertId)
			.header("Authorization", "Bearer " + manageToken)
			.retrieve()
			.onStatus((status) -> status.value() == 404, (request, response) -> {
			})
			.toEntity(Map.class);
		return (answer.getStatusCode() == HttpStatus.NOT_FOUND) ? null : (String) answer.getBody().get("status");
	}

	private static String tokenOf(String text, String page) {
		Matcher link = Pattern.compile("/alerts/" + page + "\\?token=([A-Za-z0-9_.=-]+)").matcher(text);
		assertThat(link.find()).as("a " + page + " link").isTrue();
		return link.group(1);
	}

	/**
	 * A source whose vacancies name an employer of their own: the tests' vacancies say
	 * the same but for it, and another source's vacancy that says the same is a copy of
	 * the same job (docs/normalisation.md).
	 */
	private String registerSource(String sourceId) {
		return registerSource(sourceId, "Leeds Teaching Hospitals NHS Trust (" + sourceId + ")");
	}

	private String registerSource(String sourceId, String employerName) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.ingestUrl() + "/api/v1/admin/sources")
			.header("Authorization", "Bearer " + services.adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sourceId", sourceId, "name", employerName, "employerType", "NHS_TRUST", "postcode",
					"LS1 3EX"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("apiKey");
	}

	private String createAlert(String candidate) {
		return createAlert(candidate, "LS6");
	}

	private String createAlert(String candidate, String postcode) {
		ResponseEntity<Map> created = this.http.post()
			.uri(services.matcherUrl() + "/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", candidate, "frequency", "INSTANT", "criteria",
					Map.of("roles", new String[] { "HOSPITAL_CONSULTANT_SECRETARY" }, "postcode", postcode,
							"radiusMiles", 10)))
			.retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(created.getBody()).containsEntry("status", "PENDING_CONFIRMATION");
		return (String) created.getBody().get("alertId");
	}

	private void confirmAlertFromItsEmail(Mailbox mailbox, String candidate, String alertId) {
		MimeMessage confirmation = mailbox.awaitMessageTo(candidate);
		Matcher link = CONFIRM_LINK.matcher(MailContent.plainText(confirmation));
		assertThat(link.find()).as("a confirm link in the confirmation email").isTrue();
		String confirmUrl = link.group();
		assertThat(confirmUrl).startsWith(services.matcherUrl());

		ResponseEntity<String> page = this.http.get().uri(confirmUrl).retrieve().toEntity(String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<form");

		ResponseEntity<String> confirmed = this.http.post()
			.uri(confirmUrl)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(new LinkedMultiValueMap<>())
			.retrieve()
			.toEntity(String.class);
		assertThat(confirmed.getStatusCode().is2xxSuccessful()).isTrue();
	}

	private Map<String, Object> pushFeed(String sourceId, String apiKey, String applyUrl) {
		return pushFeed(sourceId, apiKey, "C42", applyUrl);
	}

	private Map<String, Object> pushFeed(String sourceId, String apiKey, String externalId, String applyUrl) {
		String feed = """
				{"vacancies": [{
				  "externalId": "%s",
				  "title": "Medical Secretary to Consultant Cardiologist",
				  "description": "<p>Audio typing for a busy <b>cardiology</b> team.</p>",
				  "band": "Band 4",
				  "salary": "£27,485 - £30,162 per annum",
				  "hours": "37.5 hours per week",
				  "contractType": "Permanent",
				  "postcode": "LS1 3EX",
				  "town": "Leeds",
				  "closingDate": "%s",
				  "applyUrl": "%s"
				}]}
				""".formatted(externalId, services.clock.today().plusDays(30), applyUrl);
		return this.http.post()
			.uri(services.ingestUrl() + "/api/v1/feeds/" + sourceId)
			.header("Authorization", "Bearer " + apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(feed)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

}
