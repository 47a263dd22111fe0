package uk.nhsjob.matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * Deleting an alert and erasing an address: tombstones on the topic, nothing left in
 * MongoDB.
 */
@MatcherIntegrationTest
class ErasureIntegrationTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private MongoOperations mongo;

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
	void deletingAnAlertErasesItAndItsSentMatchesAndPublishesItsTombstone() {
		String word = uniqueWord();
		String email = uniqueEmail();
		String alertId = this.candidates.createConfirmedAlert(email, """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String kept = this.candidates.createAlert(email, "{\"postcode\": \"LS6\"}");
		String manage = manageToken(this.profiles, alertId);
		String vacancyId = "test-trust:" + word;
		this.feed.publish(vacancy(vacancyId).description(word).build());
		this.matches.await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		// recorded once its transaction has committed, which readers may see first
		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());

		this.http.delete()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNoContent();

		this.http.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.delete()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.profiles.awaitTombstone(alertId);
		await().untilAsserted(() -> assertThat(this.mongo.exists(byId(alertId), "alerts")).isFalse());
		assertThat(sentMatchesOf(alertId)).isZero();
		assertThat(this.candidates.status(kept, manageToken(this.profiles, kept))).isEqualTo("PENDING_CONFIRMATION");
		assertThat(this.mongo.exists(byId(email), "addresses")).isTrue();
	}

	@Test
	void erasingAnAddressErasesEveryAlertOfItAndNothingElse() {
		String word = uniqueWord();
		String email = uniqueEmail();
		String confirmed = this.candidates.createConfirmedAlert(email, """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String pending = this.candidates.createAlert(email, "{\"postcode\": \"LS6\"}");
		String unsubscribed = this.candidates.createAlert(email, "{\"postcode\": \"LS7\"}");
		this.http.post()
			.uri("/alerts/unsubscribe?token={token}", Candidates.unsubscribeToken(this.profiles, unsubscribed))
			.exchange()
			.expectStatus()
			.isOk();
		String someoneElse = this.candidates.createAlert(uniqueEmail(), "{\"postcode\": \"LS6\"}");
		String vacancyId = "test-trust:" + word;
		this.feed.publish(vacancy(vacancyId).description(word).build());
		this.matches.await(confirmed, (record) -> isVacancyMatched(record, vacancyId));

		this.http.delete()
			.uri("/api/v1/candidates/me")
			.header("Authorization", "Bearer " + manageToken(this.profiles, pending))
			.exchange()
			.expectStatus()
			.isNoContent();

		for (String alertId : new String[] { confirmed, pending, unsubscribed }) {
			this.profiles.awaitTombstone(alertId);
		}
		await().untilAsserted(() -> {
			assertThat(this.mongo.count(Query.query(where("email").is(email)), "alerts")).isZero();
			assertThat(this.mongo.exists(byId(email), "addresses")).isFalse();
		});
		assertThat(sentMatchesOf(confirmed)).isZero();
		this.http.get()
			.uri("/api/v1/alerts/{id}", confirmed)
			.header("Authorization", "Bearer " + manageToken(this.profiles, confirmed))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.candidates.status(someoneElse, manageToken(this.profiles, someoneElse)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void erasingNeedsAManageToken() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String unsubscribe = Candidates.unsubscribeToken(this.profiles, alertId);
		for (String authorization : new String[] { "Bearer " + unsubscribe, "Bearer nonsense", "" }) {
			this.http.delete()
				.uri("/api/v1/candidates/me")
				.header("Authorization", authorization)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.candidates.status(alertId, manageToken(this.profiles, alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	/**
	 * As if the service died after marking the alert: unreadable at once, finished by the
	 * relay.
	 */
	@Test
	void anErasureInterruptedAfterItsMarkIsFinishedByTheRelay() {
		String email = uniqueEmail();
		String alertId = this.candidates.createAlert(email, "{}");
		String manage = manageToken(this.profiles, alertId);
		this.profiles.await(alertId, (profile) -> true);
		await().until(() -> !this.mongo.exists(Query.query(where("_id").is(alertId).and("pendingPublication").is(true)),
				"alerts"));

		this.mongo.updateFirst(byId(alertId), Update.update("erasing", true).set("pendingPublication", true), "alerts");

		this.http.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.profiles.awaitTombstone(alertId);
		await().untilAsserted(() -> {
			assertThat(this.mongo.exists(byId(alertId), "alerts")).isFalse();
			assertThat(this.mongo.exists(byId(email), "addresses")).isFalse();
		});
	}

	private long sentMatchesOf(String alertId) {
		return this.mongo.count(Query.query(where("alertId").is(alertId)), "sentMatches");
	}

	private static Query byId(String id) {
		return Query.query(where("_id").is(id));
	}

}
