package uk.nhsjob.matcher.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.Candidates;
import uk.nhsjob.matcher.MatcherIntegrationTest;
import uk.nhsjob.matcher.TopicReader;
import uk.nhsjob.matcher.VacancyFeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The sent matches in MongoDB against the alerts topic, as a crash leaves them: a match
 * committed on the topic but never recorded is recorded from the topic, and so never sent
 * again.
 */
@MatcherIntegrationTest
class SentReconciliationIntegrationTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private SentReconciliation reconciliation;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MongoOperations mongo;

	private Candidates candidates;

	private TopicReader profiles;

	private TopicReader matches;

	private VacancyFeed feed;

	@BeforeEach
	void connect() {
		this.candidates = new Candidates(this.http);
		this.profiles = new TopicReader(Topics.PROFILES);
		this.matches = new TopicReader(Topics.ALERTS);
		this.feed = new VacancyFeed();
	}

	@AfterEach
	void disconnect() {
		this.profiles.close();
		this.matches.close();
		this.feed.close();
	}

	@Test
	void aMatchCommittedButNotRecordedIsRecordedFromTheTopicAndNotSentAgain() {
		String word = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		String erasedAlertId = UUID.randomUUID().toString();
		Vacancy vacancy = vacancy("test-trust:" + word).description(word).build();
		// what a crash between the commit and the record leaves behind
		this.kafka.executeInTransaction((operations) -> {
			for (String id : List.of(alertId, erasedAlertId)) {
				operations.send(Topics.ALERTS, id,
						VacancyMatched.of(id, Matchmaker.matchedVacancy(vacancy, null), Instant.now()));
			}
			return null;
		});
		assertThat(sentMatchesOf(alertId)).isZero();

		assertThat(this.reconciliation.reconcile()).isGreaterThanOrEqualTo(1);

		assertThat(sentMatchesOf(alertId)).isOne();
		assertThat(sentMatchesOf(erasedAlertId)).as("nothing recorded for an alert that is gone").isZero();
		RecordMetadata published = this.feed.publish(vacancy);
		String marker = "test-trust:" + word + "-marker";
		this.feed.publish(vacancy(marker).description(word).build(), published.partition());
		this.matches.await(alertId, (record) -> record.path("vacancy").path("vacancyId").asString().equals(marker));
		assertThat(this.matches.values(alertId))
			.filteredOn((record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()))
			.hasSize(1);
	}

	@Test
	void aMatchInAnAbortedTransactionIsNeitherSeenNorRecorded() {
		String word = uniqueWord();
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(word), this.profiles, this.matches);
		Vacancy vacancy = vacancy("test-trust:" + word).description(word).build();
		try {
			this.kafka.executeInTransaction((operations) -> {
				operations.send(Topics.ALERTS, alertId,
						VacancyMatched.of(alertId, Matchmaker.matchedVacancy(vacancy, null), Instant.now()));
				throw new IllegalStateException("the process dies before the commit");
			});
		}
		catch (IllegalStateException ex) {
			// aborted
		}
		this.reconciliation.reconcile();
		assertThat(sentMatchesOf(alertId)).isZero();

		this.feed.publish(vacancy);
		this.matches.await(alertId,
				(record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()));
		assertThat(this.matches.values(alertId))
			.filteredOn((record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()))
			.hasSize(1);
		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());
	}

	private long sentMatchesOf(String alertId) {
		return this.mongo.count(Query.query(where("alertId").is(alertId)), "sentMatches");
	}

}
