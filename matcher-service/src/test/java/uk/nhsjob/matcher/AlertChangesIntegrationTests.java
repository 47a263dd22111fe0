package uk.nhsjob.matcher;

import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** Editing, pausing and resuming an alert through the API, seen on the profile stream. */
@MatcherIntegrationTest
class AlertChangesIntegrationTests {

	@Autowired
	private RestTestClient http;

	private Candidates candidates;

	private TopicReader profiles;

	private TopicReader matches;

	private VacancyFeed feed;

	@BeforeEach
	void connect() {
		this.candidates = new Candidates(this.http);
		this.profiles = Candidates.profiles();
		this.matches = Candidates.matches();
		this.feed = new VacancyFeed();
	}

	@AfterEach
	void disconnect() {
		this.profiles.close();
		this.matches.close();
		this.feed.close();
	}

	@Test
	void editingAnAlertReplacesItsCriteriaAndPublishesItsNewState() {
		String alertId = this.candidates.createAlert(uniqueEmail(), """
				{"roles": ["MEDICAL_SECRETARY"], "postcode": "LS6"}""");
		String manage = manageToken(this.profiles, alertId);

		this.http.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"criteria": {"roles": ["CLINICAL_CODER"], "postcode": "ls62ab", "radiusMiles": 5},
					 "frequency": "WEEKLY", "paused": false}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.frequency")
			.isEqualTo("WEEKLY")
			.jsonPath("$.criteria.postcode")
			.isEqualTo("LS6 2AB")
			.jsonPath("$.status")
			.isEqualTo("PENDING_CONFIRMATION");

		JsonNode edited = this.profiles.await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(edited.path("criteriaDescription").asString())
			.isEqualTo("clinical coder jobs within 5 miles of LS6 2AB");
		assertThat(edited.path("frequency").asString()).isEqualTo("WEEKLY");
		assertThat(edited.path("confirmationRequest").asInt()).isEqualTo(1);
	}

	@Test
	void pausingAndResumingArePublishedAndNothingPublishedWhilePausedIsSentAfterwards() {
		String word = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String manage = manageToken(this.profiles, alertId);

		this.candidates.edit(alertId, manage, "{\"keywords\": \"%s\"}".formatted(word), "INSTANT", true);
		this.profiles.await(alertId, (profile) -> profile.path("status").asString().equals("PAUSED"));
		assertThat(this.candidates.status(alertId, manage)).isEqualTo("PAUSED");
		String whilePaused = "test-trust:" + word + "-paused";
		RecordMetadata paused = this.feed.publish(vacancy(whilePaused).description(word).build());
		this.feed.awaitMatcherRead(paused);

		this.candidates.edit(alertId, manage, "{\"keywords\": \"%s\"}".formatted(word), "INSTANT", false);
		this.profiles.await(alertId, (profile) -> profile.path("status").asString().equals("ACTIVE")
				&& profile.path("revision").asLong() > 3);
		String marker = "test-trust:" + word + "-marker";
		this.feed.publish(vacancy(marker).description(word).build(), paused.partition());

		this.matches.await(alertId, (record) -> isVacancyMatched(record, marker));
		assertThat(this.matches.values(alertId)).noneMatch((record) -> isVacancyMatched(record, whilePaused));
	}

	@Test
	void editingSendsOnlyVacanciesPublishedAfterwards() {
		String before = uniqueWord();
		String after = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(before), this.profiles, this.matches);
		String manage = manageToken(this.profiles, alertId);
		String earlier = "test-trust:" + after + "-earlier";
		RecordMetadata published = this.feed.publish(vacancy(earlier).description(after).build());
		this.feed.awaitMatcherRead(published);

		this.candidates.edit(alertId, manage, "{\"keywords\": \"%s\"}".formatted(after), "DAILY", false);
		this.profiles.await(alertId, (profile) -> profile.path("frequency").asString().equals("DAILY"));
		String later = "test-trust:" + after + "-later";
		this.feed.publish(vacancy(later).description(after).build(), published.partition());

		this.matches.await(alertId, (record) -> isVacancyMatched(record, later));
		assertThat(this.matches.values(alertId)).noneMatch((record) -> isVacancyMatched(record, earlier));
	}

	@Test
	void aPendingAlertCannotBePaused() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		this.http.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manageToken(this.profiles, alertId))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"criteria": {}, "frequency": "DAILY", "paused": true}""")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest(name = "[{index}] {1} in {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"criteria": {"roles": ["SURGEON"]}, "frequency": "DAILY", "paused": false}           | criteria.roles
					{"criteria": {"postcode": "NOT A CODE"}, "frequency": "DAILY", "paused": false}        | criteria.postcode
					{"criteria": {"postcode": "LS6", "radiusMiles": 101}, "frequency": "DAILY", "paused": false} | criteria.radiusMiles
					{"criteria": {}, "frequency": "HOURLY", "paused": false}                               | frequency
					{"criteria": {}, "frequency": "DAILY"}                                                 | paused
					""")
	void rejectsAnInvalidEditNamingTheField(String body, String field) {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		this.http.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manageToken(this.profiles, alertId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.<List<String>>value((fields) -> assertThat(fields).contains(field));
	}

	@Test
	void anEditWithAnotherAlertsTokenIsNotFound() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String other = this.candidates.createAlert(uniqueEmail(), "{}");
		this.http.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manageToken(this.profiles, other))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"criteria": {}, "frequency": "DAILY", "paused": false}""")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
