package uk.nhsjob.matcher.matching;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.MatcherIntegrationTest;
import uk.nhsjob.matcher.MatcherWorld;
import uk.nhsjob.matcher.ServiceClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The sent matches in MongoDB against the alerts topic, as a crash leaves them: a match
 * committed on the topic but never recorded is recorded from the topic: never sent twice.
 */
@MatcherIntegrationTest
class SentReconciliationIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private SentReconciliation reconciliation;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MongoOperations mongo;

	@Test
	void aMatchCommittedButNotRecordedIsRecordedFromTheTopicAndNotSentAgain() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String erasedAlertId = UUID.randomUUID().toString();
		Vacancy vacancy = vacancy("test-trust:" + word).description(word).build();
		// what a crash between the commit and the record leaves behind
		this.kafka.executeInTransaction((operations) -> {
			for (String id : List.of(alertId, erasedAlertId)) {
				operations.send(Topics.ALERTS, id,
						VacancyMatched.of(id, Matchmaker.matchedVacancy(vacancy, null), ServiceClock.LONDON.instant()));
			}
			return null;
		});
		assertThat(sentMatchesOf(alertId)).isZero();

		assertThat(this.reconciliation.reconcile()).isGreaterThanOrEqualTo(1);

		assertThat(sentMatchesOf(alertId)).isOne();
		assertThat(sentMatchesOf(erasedAlertId)).as("nothing recorded for an alert that is gone").isZero();
		RecordMetadata published = this.world.feed().publish(vacancy);
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), published.partition());
		this.world.matches()
			.await(alertId, (record) -> record.path("vacancy").path("vacancyId").asString().equals(marker));
		assertThat(this.world.matches().values(alertId))
			.filteredOn((record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()))
			.hasSize(1);
	}

	@Test
	void aMatchInAnAbortedTransactionIsNeitherSeenNorRecorded() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		Vacancy vacancy = vacancy("test-trust:" + word).description(word).build();
		try {
			this.kafka.executeInTransaction((operations) -> {
				operations.send(Topics.ALERTS, alertId, VacancyMatched.of(alertId,
						Matchmaker.matchedVacancy(vacancy, null), ServiceClock.LONDON.instant()));
				throw new IllegalStateException("the process dies before the commit");
			});
		}
		catch (IllegalStateException ex) {
			// aborted
		}
		this.reconciliation.reconcile();
		assertThat(sentMatchesOf(alertId)).isZero();

		this.world.feed().publish(vacancy);
		this.world.matches()
			.await(alertId, (record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()));
		assertThat(this.world.matches().values(alertId))
			.filteredOn((record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()))
			.hasSize(1);
		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());
	}

	private long sentMatchesOf(String alertId) {
		return this.mongo.count(Query.query(where("alertId").is(alertId)), "sentMatches");
	}

}
