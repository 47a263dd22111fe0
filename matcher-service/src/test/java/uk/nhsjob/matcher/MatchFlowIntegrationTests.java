package uk.nhsjob.matcher;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.today;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** The match index kept in step with alerts, and the failure policy in transactions. */
@MatcherIntegrationTest
class MatchFlowIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	/**
	 * The unsubscribe link of an email of several alerts carries each alert's token: its
	 * page lists them and changes nothing; its one-click POST unsubscribes each alert
	 * whose token is good, lists them, and says that one link was not recognised; more
	 * than twenty tokens are not a link the service made.
	 */
	@Test
	void oneClickWithSeveralTokensUnsubscribesEachAlertAndListsThem() {
		String email = uniqueEmail();
		String leeds = this.world.createConfirmedAlert(email, "{\"postcode\": \"LS7\"}");
		String bristol = this.world.createConfirmedAlert(email, "{\"postcode\": \"BS1\"}");
		String kept = this.world.createConfirmedAlert(email, "{\"postcode\": \"M1\"}");
		String link = "/alerts/unsubscribe?token={a}&token={b}&token={bad}";
		Object[] tokens = { this.world.unsubscribeToken(leeds), this.world.unsubscribeToken(bristol), "not-a-token" };

		String page = this.world.page(link, tokens);

		assertThat(page).contains("LS7", "BS1", "One link in the email was not recognised")
			.doesNotContain("miles of M1");
		assertThat(this.world.candidates().status(leeds, this.world.manageToken(leeds))).isEqualTo("ACTIVE");

		String ended = this.world.http()
			.post()
			.uri(link, tokens)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();

		assertThat(ended).contains("You are unsubscribed", "LS7", "BS1", "One link in the email was not recognised");
		for (String alertId : List.of(leeds, bristol)) {
			assertThat(this.world.candidates().status(alertId, this.world.manageToken(alertId)))
				.isEqualTo("UNSUBSCRIBED");
		}
		assertThat(this.world.candidates().status(kept, this.world.manageToken(kept))).isEqualTo("ACTIVE");
		String tooMany = "/alerts/unsubscribe?token="
				+ String.join("&token=", IntStream.rangeClosed(1, 21).mapToObj((n) -> "t" + n).toList());
		this.world.http().post().uri(tooMany).exchange().expectStatus().isNotFound();
		this.world.http().post().uri("/alerts/unsubscribe?token=a&token=b").exchange().expectStatus().isNotFound();
	}

	@Test
	void anUnsubscribedOrDeletedAlertIsMatchedNoMore() {
		String word = uniqueWord();
		String criteria = keywordCriteria(word);
		String unsubscribed = this.world.createConfirmedAlert(uniqueEmail(), criteria);
		String deleted = this.world.createConfirmedAlert(uniqueEmail(), criteria);
		String kept = this.world.createConfirmedAlert(uniqueEmail(), criteria);

		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(unsubscribed))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk();
		this.world.http()
			.delete()
			.uri("/api/v1/alerts/{id}", deleted)
			.header("Authorization", "Bearer " + this.world.manageToken(deleted))
			.exchange()
			.expectStatus()
			.isNoContent();
		String vacancyId = "test-trust:" + word;
		this.world.feed().awaitMatcherRead(this.world.feed().publish(vacancy(vacancyId).description(word).build()));

		this.world.matches().await(kept, (record) -> isVacancyMatched(record, vacancyId));
		// the other alerts' keys may sit on other partitions than the kept one's
		this.world.matches().catchUpToEnd();
		assertThat(this.world.matches().values(unsubscribed))
			.noneMatch((record) -> isVacancyMatched(record, vacancyId));
		assertThat(this.world.matches().values(deleted)).noneMatch((record) -> isVacancyMatched(record, vacancyId));
	}

	@Test
	void aClosedOrExpiredVacancyIsNotSent() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String closed = "test-trust:" + word + "-closed";
		String expired = "test-trust:" + word + "-expired";
		RecordMetadata first = this.world.feed().publish(vacancy(closed).closed().description(word).build());
		this.world.feed()
			.publish(vacancy(expired).closingDate(today().minusDays(1)).description(word).build(), first.partition());
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).closingDate(today()).description(word).build(), first.partition());

		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, marker));
		this.world.matches().catchUpToEnd();
		assertThat(this.world.matches().values(alertId)).noneMatch((record) -> isVacancyMatched(record, closed))
			.noneMatch((record) -> isVacancyMatched(record, expired));
	}

	@Test
	void anAlertIsSentOneCopyOfAJobWhicheverArrivesFirstAndNotAgainWhenTheFirstCloses() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String first = "test-trust:" + word + "-first";
		String copy = "test-listing:" + word + "-copy";
		String laterFirst = "test-trust:" + word + "-later-first";
		String earlierCopy = "test-listing:" + word + "-earlier-copy";
		RecordMetadata one = this.world.feed().publish(vacancy(first).job(first).description(word).build());
		int partition = one.partition();
		this.world.feed().publish(vacancy(copy).duplicateOf(first).description(word).build(), partition);
		// the other order: the duplicate read before the first
		this.world.feed().publish(vacancy(earlierCopy).duplicateOf(laterFirst).description(word).build(), partition);
		this.world.feed().publish(vacancy(laterFirst).job(laterFirst).description(word).build(), partition);
		// the first closes, and the copy's next revision is no duplicate, the same job
		this.world.feed().publish(vacancy(first).job(first).revision(2).closed().description(word).build(), partition);
		this.world.feed().publish(vacancy(copy).job(first).revision(2).description(word).build(), partition);
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), partition);

		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, marker));
		this.world.matches().catchUpToEnd();
		List<JsonNode> matches = this.world.matches().values(alertId);
		assertThat(matches).filteredOn((record) -> isVacancyMatched(record, first) || isVacancyMatched(record, copy))
			.singleElement()
			.satisfies((record) -> assertThat(record.path("vacancy").path("vacancyId").asString()).isEqualTo(first));
		assertThat(matches)
			.filteredOn((record) -> isVacancyMatched(record, laterFirst) || isVacancyMatched(record, earlierCopy))
			.singleElement()
			.satisfies(
					(record) -> assertThat(record.path("vacancy").path("vacancyId").asString()).isEqualTo(earlierCopy));
	}

	@Test
	void aWelcomeSetAndAPreviewListOneCopyOfAJob() {
		String word = uniqueWord();
		String first = "test-trust:" + word + "-first";
		String copy = "test-listing:" + word + "-copy";
		RecordMetadata one = this.world.feed().publish(vacancy(first).job(first).description(word).build());
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy(copy).duplicateOf(first).description(word).build(), one.partition()));

		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"keywords": "%s"}""".formatted(word))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.vacancies.length()")
			.isEqualTo(1);
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		JsonNode welcome = this.world.matches()
			.await(alertId, (record) -> record.path("type").asString().equals("WelcomeSetMatched"));
		assertThat(welcome.path("totalMatching").asInt()).isEqualTo(1);
		assertThat(welcome.path("vacancies")).hasSize(1);
		assertThat(welcome.path("vacancies").get(0).path("jobId").asString()).isEqualTo(first);
	}

	@Test
	void aRecordWithoutAVacancyIsDeadLetteredAsItCameAndTheNextOneStillMatches() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String empty = "test-trust:" + word + "-empty";
		String body = "{\"eventId\": \"6f1c1c5e-5d7e-4a55-8a4b-1c1c5e5d7e4a\", \"schemaVersion\": 1}";
		RecordMetadata broken = this.world.feed().publishRaw(empty, body);

		try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopicOf(Topics.VACANCIES))) {
			// read_committed: written in the transaction that moves past the record
			assertThat(deadLetters.await(empty, (record) -> true).path("eventId").asString())
				.isEqualTo("6f1c1c5e-5d7e-4a55-8a4b-1c1c5e5d7e4a");
		}
		String next = "test-trust:" + word + "-next";
		this.world.feed().publish(vacancy(next).description(word).build(), broken.partition());
		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, next));
	}

}
