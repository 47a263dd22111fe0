package uk.nhsjob.matcher;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/** What a candidate does through the service's HTTP interface, for integration tests. */
public final class Candidates {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient http;

	public Candidates(RestTestClient http) {
		this.http = http;
	}

	/** An address no other test uses. */
	public static String uniqueEmail() {
		return "candidate-" + UUID.randomUUID() + "@example.org";
	}

	/** A word no other test's vacancies contain, to keep each test's matches its own. */
	public static String uniqueWord() {
		return "w" + UUID.randomUUID().toString().replace("-", "");
	}

	/** Criteria that match any vacancy whose text has this word, and nothing else. */
	public static String keywordCriteria(String word) {
		return """
				{"keywords": "%s"}""".formatted(word);
	}

	/** Creates an alert and answers its id. */
	public String createAlert(String email, String criteriaJson) {
		String body = this.http.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"email": "%s", "criteria": %s, "frequency": "INSTANT"}""".formatted(email, criteriaJson))
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseBody();
		JsonNode created = JSON.readTree(body);
		assertThat(created.path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		return created.path("alertId").asString();
	}

	/**
	 * Creates an alert, confirms it through its link's page, waits for its welcome set,
	 * and answers its id. From then on, each vacancy that matches it is sent on its own.
	 */
	public String createConfirmedAlert(String email, String criteriaJson, TopicReader profiles, TopicReader matches) {
		String alertId = createAlert(email, criteriaJson);
		JsonNode pending = profiles.await(alertId, (profile) -> true);
		confirm(tokenOf(pending.path("confirmUrl").asString()));
		profiles.await(alertId, (profile) -> profile.path("status").asString().equals("ACTIVE"));
		matches.await(alertId, (record) -> record.path("type").asString().equals("WelcomeSetMatched"));
		return alertId;
	}

	/** The token of the alert's manage link, from its first profile. */
	public static String manageToken(TopicReader profiles, String alertId) {
		return tokenOf(profiles.await(alertId, (profile) -> true).path("manageUrl").asString());
	}

	/** The token of the alert's unsubscribe link, from its first profile. */
	public static String unsubscribeToken(TopicReader profiles, String alertId) {
		return tokenOf(profiles.await(alertId, (profile) -> true).path("unsubscribeUrl").asString());
	}

	/** Replaces an alert's criteria, frequency and paused state through the API. */
	public void edit(String alertId, String manageToken, String criteriaJson, String frequency, boolean paused) {
		this.http.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manageToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"criteria": %s, "frequency": "%s", "paused": %s}""".formatted(criteriaJson, frequency, paused))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** The alert's status as its API shows it. */
	public String status(String alertId, String manageToken) {
		String body = this.http.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manageToken)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return JSON.readTree(body).path("status").asString();
	}

	public void confirm(String token) {
		this.http.post()
			.uri("/alerts/confirm?token={token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your job alert is confirmed"));
	}

	/** The token in one of the links a profile carries. */
	public static String tokenOf(String url) {
		assertThat(url).contains("?token=");
		return url.substring(url.indexOf("?token=") + "?token=".length());
	}

	/**
	 * The match id docs/events.md promises for an alert and a vacancy, worked out here
	 * from the rule rather than by the production code: the name-based (MD5, version 3)
	 * UUID of the UTF-8 bytes of {@code alertId + "\n" + vacancyId}. Pinned to a worked
	 * example in {@code MatchIdTests}.
	 */
	public static String expectedMatchId(String alertId, String vacancyId) {
		return UUID.nameUUIDFromBytes((alertId + "\n" + vacancyId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	static boolean isVacancyMatched(JsonNode record, String vacancyId) {
		return record.path("type").asString().equals("VacancyMatched")
				&& record.path("vacancy").path("vacancyId").asString().equals(vacancyId);
	}

}
