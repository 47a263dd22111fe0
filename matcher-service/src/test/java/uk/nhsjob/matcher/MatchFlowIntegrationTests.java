package uk.nhsjob.matcher;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.common.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Candidates.unsubscribeToken;
import static uk.nhsjob.matcher.Vacancies.TODAY;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** The match index kept in step with alerts, and the failure policy in transactions. */
@MatcherIntegrationTest
class MatchFlowIntegrationTests {

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
	void anUnsubscribedOrDeletedAlertIsMatchedNoMore() {
		String word = uniqueWord();
		String criteria = "{\"keywords\": \"%s\"}".formatted(word);
		String unsubscribed = this.candidates.createConfirmedAlert(uniqueEmail(), criteria, this.profiles,
				this.matches);
		String deleted = this.candidates.createConfirmedAlert(uniqueEmail(), criteria, this.profiles, this.matches);
		String kept = this.candidates.createConfirmedAlert(uniqueEmail(), criteria, this.profiles, this.matches);

		this.http.post()
			.uri("/alerts/unsubscribe?token={token}", unsubscribeToken(this.profiles, unsubscribed))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.delete()
			.uri("/api/v1/alerts/{id}", deleted)
			.header("Authorization", "Bearer " + manageToken(this.profiles, deleted))
			.exchange()
			.expectStatus()
			.isNoContent();
		String vacancyId = "test-trust:" + word;
		this.feed.awaitMatcherRead(this.feed.publish(vacancy(vacancyId).description(word).build()));

		this.matches.await(kept, (record) -> isVacancyMatched(record, vacancyId));
		assertThat(this.matches.values(unsubscribed)).noneMatch((record) -> isVacancyMatched(record, vacancyId));
		assertThat(this.matches.values(deleted)).noneMatch((record) -> isVacancyMatched(record, vacancyId));
	}

	@Test
	void aClosedOrExpiredVacancyIsNotSent() {
		String word = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String closed = "test-trust:" + word + "-closed";
		String expired = "test-trust:" + word + "-expired";
		RecordMetadata first = this.feed.publish(vacancy(closed).closed().description(word).build());
		this.feed.publish(vacancy(expired).closingDate(TODAY.minusDays(1)).description(word).build(),
				first.partition());
		String marker = "test-trust:" + word + "-marker";
		this.feed.publish(vacancy(marker).closingDate(TODAY).description(word).build(), first.partition());

		this.matches.await(alertId, (record) -> isVacancyMatched(record, marker));
		assertThat(this.matches.values(alertId)).noneMatch((record) -> isVacancyMatched(record, closed))
			.noneMatch((record) -> isVacancyMatched(record, expired));
	}

	@Test
	void aRecordWithoutAVacancyIsDeadLetteredAsItCameAndTheNextOneStillMatches() {
		String word = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String empty = "test-trust:" + word + "-empty";
		String body = "{\"eventId\": \"6f1c1c5e-5d7e-4a55-8a4b-1c1c5e5d7e4a\", \"schemaVersion\": 1}";
		RecordMetadata broken = this.feed.publishRaw(empty, body);

		try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopicOf(Topics.VACANCIES))) {
			// read_committed: published in the transaction that also moves past the
			// record
			assertThat(deadLetters.await(empty, (record) -> true).path("eventId").asString())
				.isEqualTo("6f1c1c5e-5d7e-4a55-8a4b-1c1c5e5d7e4a");
		}
		String next = "test-trust:" + word + "-next";
		this.feed.publish(vacancy(next).description(word).build(), broken.partition());
		this.matches.await(alertId, (record) -> isVacancyMatched(record, next));
	}

}
