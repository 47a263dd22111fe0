package uk.nhsjob.matcher;

import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** Editing, pausing and resuming an alert through the API, seen on the profile stream. */
@MatcherIntegrationTest
class AlertChangesIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void editingAnAlertReplacesItsCriteriaAndPublishesItsNewState() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), """
				{"roles": ["MEDICAL_SECRETARY"], "postcode": "LS6"}""");
		String manage = this.world.manageToken(alertId);

		this.world.http()
			.put()
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

		JsonNode edited = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(edited.path("criteriaDescription").asString())
			.isEqualTo("clinical coder jobs within 5 miles of LS6 2AB");
		assertThat(edited.path("frequency").asString()).isEqualTo("WEEKLY");
		assertThat(edited.path("confirmationRequest").asInt()).isEqualTo(1);
	}

	@Test
	void closingSoonIsOnUntilAnEditTurnsItOffAndAnEditWithoutItKeepsIt() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);
		assertThat(this.world.profiles().await(alertId, (profile) -> true).path("closingSoon").asBoolean()).isTrue();
		getAlert(alertId, manage).jsonPath("$.closingSoon").isEqualTo(true);

		putAlert(alertId, manage, """
				{"criteria": {}, "frequency": "DAILY", "paused": false, "closingSoon": false}""")
			.jsonPath("$.closingSoon")
			.isEqualTo(false);
		JsonNode off = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(off.path("closingSoon").asBoolean(true)).isFalse();

		putAlert(alertId, manage, """
				{"criteria": {}, "frequency": "WEEKLY", "paused": false}""").jsonPath("$.closingSoon").isEqualTo(false);
		JsonNode kept = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 3);
		assertThat(kept.path("closingSoon").asBoolean(true)).isFalse();
		getAlert(alertId, manage).jsonPath("$.closingSoon").isEqualTo(false);
	}

	private RestTestClient.BodyContentSpec getAlert(String alertId, String manage) {
		return this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private RestTestClient.BodyContentSpec putAlert(String alertId, String manage, String body) {
		return this.world.http()
			.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void pausingAndResumingArePublishedAndNothingPublishedWhilePausedIsSentAfterwards() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String manage = this.world.manageToken(alertId);

		this.world.candidates().edit(alertId, manage, keywordCriteria(word), "INSTANT", true);
		this.world.profiles().await(alertId, (profile) -> profile.path("status").asString().equals("PAUSED"));
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("PAUSED");
		String whilePaused = "test-trust:" + word + "-paused";
		RecordMetadata paused = this.world.feed().publish(vacancy(whilePaused).description(word).build());
		this.world.feed().awaitMatcherRead(paused);

		this.world.candidates().edit(alertId, manage, keywordCriteria(word), "INSTANT", false);
		this.world.profiles()
			.await(alertId, (profile) -> profile.path("status").asString().equals("ACTIVE")
					&& profile.path("revision").asLong() > 3);
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), paused.partition());

		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, marker));
		assertThat(this.world.matches().values(alertId)).noneMatch((record) -> isVacancyMatched(record, whilePaused));
	}

	@Test
	void editingSendsOnlyVacanciesPublishedAfterwards() {
		String before = uniqueWord();
		String after = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(before));
		String manage = this.world.manageToken(alertId);
		String earlier = "test-trust:" + after + "-earlier";
		RecordMetadata published = this.world.feed().publish(vacancy(earlier).description(after).build());
		this.world.feed().awaitMatcherRead(published);

		this.world.candidates().edit(alertId, manage, keywordCriteria(after), "DAILY", false);
		this.world.profiles().await(alertId, (profile) -> profile.path("frequency").asString().equals("DAILY"));
		String later = "test-trust:" + after + "-later";
		this.world.feed().publish(vacancy(later).description(after).build(), published.partition());

		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, later));
		assertThat(this.world.matches().values(alertId)).noneMatch((record) -> isVacancyMatched(record, earlier));
	}

	@Test
	void aPendingAlertCannotBePaused() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		this.world.http()
			.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + this.world.manageToken(alertId))
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
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		this.world.http()
			.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + this.world.manageToken(alertId))
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
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String other = this.world.candidates().createAlert(uniqueEmail(), "{}");
		this.world.http()
			.put()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + this.world.manageToken(other))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"criteria": {}, "frequency": "DAILY", "paused": false}""")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
