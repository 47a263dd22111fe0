package uk.nhsjob.matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * Deleting an alert and erasing an address: tombstones on the topic, none left in Mongo.
 */
@MatcherIntegrationTest
class ErasureIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MongoOperations mongo;

	@Test
	void deletingAnAlertErasesItAndItsSentMatchesAndPublishesItsTombstone() {
		String word = uniqueWord();
		String email = uniqueEmail();
		String alertId = this.world.createConfirmedAlert(email, keywordCriteria(word));
		String kept = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\"}");
		String manage = this.world.manageToken(alertId);
		String vacancyId = "test-trust:" + word;
		this.world.feed().publish(vacancy(vacancyId).description(word).build());
		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		// recorded once its transaction has committed, which readers may see first
		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());

		this.world.http()
			.delete()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNoContent();

		this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.world.http()
			.delete()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.world.profiles().awaitTombstone(alertId);
		await().untilAsserted(() -> assertThat(this.mongo.exists(byId(alertId), "alerts")).isFalse());
		assertThat(sentMatchesOf(alertId)).isZero();
		assertThat(this.world.candidates().status(kept, this.world.manageToken(kept)))
			.isEqualTo("PENDING_CONFIRMATION");
		assertThat(this.mongo.exists(byId(email), "addresses")).isTrue();
	}

	@Test
	void erasingAnAddressErasesEveryAlertOfItAndNothingElse() {
		String word = uniqueWord();
		String email = uniqueEmail();
		String confirmed = this.world.createConfirmedAlert(email, keywordCriteria(word));
		String pending = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\"}");
		String unsubscribed = this.world.candidates().createAlert(email, "{\"postcode\": \"LS7\"}");
		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", Candidates.unsubscribeToken(this.world.profiles(), unsubscribed))
			.exchange()
			.expectStatus()
			.isOk();
		String someoneElse = this.world.candidates().createAlert(uniqueEmail(), "{\"postcode\": \"LS6\"}");
		String vacancyId = "test-trust:" + word;
		this.world.feed().publish(vacancy(vacancyId).description(word).build());
		this.world.matches().await(confirmed, (record) -> isVacancyMatched(record, vacancyId));

		this.world.http()
			.delete()
			.uri("/api/v1/candidates/me")
			.header("Authorization", "Bearer " + this.world.manageToken(pending))
			.exchange()
			.expectStatus()
			.isNoContent();

		for (String alertId : new String[] { confirmed, pending, unsubscribed }) {
			this.world.profiles().awaitTombstone(alertId);
		}
		await().untilAsserted(() -> {
			assertThat(this.mongo.count(Query.query(where("email").is(email)), "alerts")).isZero();
			assertThat(this.mongo.exists(byId(email), "addresses")).isFalse();
		});
		assertThat(sentMatchesOf(confirmed)).isZero();
		this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", confirmed)
			.header("Authorization", "Bearer " + this.world.manageToken(confirmed))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.world.candidates().status(someoneElse, this.world.manageToken(someoneElse)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void erasingNeedsAManageToken() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String unsubscribe = Candidates.unsubscribeToken(this.world.profiles(), alertId);
		for (String authorization : new String[] { "Bearer " + unsubscribe, "Bearer nonsense", "" }) {
			this.world.http()
				.delete()
				.uri("/api/v1/candidates/me")
				.header("Authorization", authorization)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.world.candidates().status(alertId, this.world.manageToken(alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void theNotMeLinkShowsAButtonAndErasesTheAddressOnlyOnItsPost() {
		String word = uniqueWord();
		String email = uniqueEmail();
		String confirmed = this.world.createConfirmedAlert(email, keywordCriteria(word));
		String pending = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\"}");
		String someoneElse = this.world.candidates().createAlert(uniqueEmail(), "{\"postcode\": \"LS6\"}");
		String notMe = notMeToken(pending);

		assertThat(this.world.page("/alerts/not-me?token={token}", notMe)).contains("<form method=\"post\"")
			.contains("Delete my address")
			.contains(email);
		assertThat(this.world.candidates().status(pending, this.world.manageToken(pending)))
			.isEqualTo("PENDING_CONFIRMATION");
		assertThat(this.world.candidates().status(confirmed, this.world.manageToken(confirmed))).isEqualTo("ACTIVE");

		this.world.http()
			.post()
			.uri("/alerts/not-me?token={token}", notMe)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your address is deleted"));

		for (String alertId : new String[] { confirmed, pending }) {
			this.world.profiles().awaitTombstone(alertId);
		}
		await().untilAsserted(() -> {
			assertThat(this.mongo.count(Query.query(where("email").is(email)), "alerts")).isZero();
			assertThat(this.mongo.exists(byId(email), "addresses")).isFalse();
		});
		this.world.http().get().uri("/alerts/not-me?token={token}", notMe).exchange().expectStatus().isNotFound();
		assertThat(this.world.candidates().status(someoneElse, this.world.manageToken(someoneElse)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void aNotMeLinkThatIsWrongOrOfAnotherPurposeErasesNothing() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);
		String confirm = Candidates
			.tokenOf(this.world.profiles().await(alertId, (p) -> true).path("confirmUrl").asString());
		String unsubscribe = this.world.unsubscribeToken(alertId);
		for (String token : new String[] { manage, confirm, unsubscribe, notMeToken(alertId) + "x", "" }) {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST }) {
				this.world.http()
					.method(method)
					.uri("/alerts/not-me?token={token}", token)
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectBody(String.class)
					.value((page) -> assertThat(page).contains("This link does not work"));
			}
		}
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");
	}

	private String notMeToken(String alertId) {
		return Candidates.tokenOf(this.world.profiles().await(alertId, (p) -> true).path("notMeUrl").asString());
	}

	/** As if the service died after marking the alert: unreadable, then relayed. */
	@Test
	void anErasureInterruptedAfterItsMarkIsFinishedByTheRelay() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email, "{}");
		String manage = this.world.manageToken(alertId);
		this.world.profiles().await(alertId, (profile) -> true);
		await().until(() -> !this.mongo.exists(Query.query(where("_id").is(alertId).and("pendingPublication").is(true)),
				"alerts"));

		this.mongo.updateFirst(byId(alertId), Update.update("erasing", true).set("pendingPublication", true), "alerts");

		this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.world.profiles().awaitTombstone(alertId);
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
