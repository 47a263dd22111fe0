package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.MatcherIntegrationTest;
import uk.nhsjob.matcher.MatcherWorld;
import uk.nhsjob.matcher.ServiceClock;
import uk.nhsjob.matcher.alert.Alerts;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The sent matches in MongoDB against the alerts topic, as a crash leaves them: a match
 * committed on the topic but never recorded is recorded from the topic by the background
 * reader, and never sent twice; a start reads the topic from the checkpoint, not from its
 * beginning.
 */
@MatcherIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SentReconciliationIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MongoOperations mongo;

	@Autowired
	private ConsumerFactory<?, ?> consumerSettings;

	@Autowired
	private SentLedger sent;

	@Autowired
	private Alerts alerts;

	@Autowired
	private WelcomeSetOutbox welcomeSets;

	@Autowired
	private SentCheckpoint checkpoint;

	@Autowired
	private BackgroundReaders readers;

	@Test
	void aMatchCommittedButNotRecordedIsRecordedFromTheTopicAndNotSentAgain() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String erasedAlertId = UUID.randomUUID().toString();
		Vacancy vacancy = vacancy("test-trust:" + word).description(word).build();
		// what a crash between the commit and the record leaves behind
		this.kafka.executeInTransaction((operations) -> {
			for (String id : List.of(alertId, erasedAlertId)) {
				operations.send(Topics.ALERTS, id, matchOf(id, vacancy));
			}
			return null;
		});

		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());
		awaitCheckpointAtTheEnd();
		assertThat(sentMatchesOf(erasedAlertId)).as("nothing recorded for an alert that is gone").isZero();
		assertThat(this.readers.all()).filteredOn((reader) -> reader.name().equals(SentReconciliation.READER))
			.singleElement()
			.satisfies((reader) -> assertThat(reader.isHealthy()).isTrue());

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
				operations.send(Topics.ALERTS, alertId, matchOf(alertId, vacancy));
				throw new IllegalStateException("the process dies before the commit");
			});
		}
		catch (IllegalStateException ex) {
			// aborted
		}
		awaitCheckpointAtTheEnd();
		assertThat(sentMatchesOf(alertId)).isZero();

		this.world.feed().publish(vacancy);
		this.world.matches()
			.await(alertId, (record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()));
		assertThat(this.world.matches().values(alertId))
			.filteredOn((record) -> record.path("vacancy").path("vacancyId").asString().equals(vacancy.id()))
			.hasSize(1);
		await().untilAsserted(() -> assertThat(sentMatchesOf(alertId)).isOne());
	}

	@Test
	void aStartReadsOnlyWhatWasPublishedAfterTheCheckpoint() throws Exception {
		String topic = freshTopic();
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		List<Vacancy> before = vacancies(word, "before", 5);
		publishUnrecorded(topic, alertId, before);

		assertThat(reconciliationOf(topic).catchUp()).as("a first start, without a checkpoint").isEqualTo(5);
		assertThat(sentMatchesOf(alertId)).isEqualTo(5);

		// were the pairs before the checkpoint read again, they would be recorded again
		this.mongo.remove(Query.query(where("alertId").is(alertId)), "sentMatches");
		publishUnrecorded(topic, alertId, vacancies(word, "after", 2));

		assertThat(reconciliationOf(topic).catchUp()).as("a restart reads what follows the checkpoint").isEqualTo(2);
		assertThat(this.mongo.find(Query.query(where("alertId").is(alertId)), SentMatch.class))
			.extracting(SentMatch::jobId)
			.containsExactlyInAnyOrder(vacancies(word, "after", 2).stream().map(Vacancy::id).toArray(String[]::new));
	}

	@Test
	void waitsForItsTopicWithBackOffAndCatchesUpOnceItExists(CapturedOutput output) throws Exception {
		String topic = "test-sent-" + UUID.randomUUID();
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		BackgroundReader reader = new BackgroundReaders(meters).register("test");
		SentReconciliation reconciliation = reconciliationOf(topic, reader);
		reconciliation.start();
		try {
			await().until(() -> reader.state() == BackgroundReader.State.FAILING);
			assertThat(reader.isHealthy()).isFalse();
			// each try counted, only the first of the run logged at WARN: the reader's
			// fault line repeats once a minute after (docs/operations.md, "Logs")
			await().atMost(Duration.ofSeconds(30))
				.until(() -> meters.get("nhsjob.background.retries").counter().count() >= 3);
			assertThat(output.getOut()
				.lines()
				.filter((line) -> line.contains("WARN") && line.contains("Reconciling sent matches failed")
						&& line.contains(topic))
				.count()).isEqualTo(1);

			createTopic(topic);
			publishUnrecorded(topic, alertId, vacancies(word, "late", 3));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(sentMatchesOf(alertId)).isEqualTo(3);
				assertThat(reader.isHealthy()).isTrue();
			});
		}
		finally {
			reconciliation.stop();
		}
	}

	private SentReconciliation reconciliationOf(String topic) {
		return reconciliationOf(topic, new BackgroundReaders(new SimpleMeterRegistry()).register("test"));
	}

	private SentReconciliation reconciliationOf(String topic, BackgroundReader reader) {
		return new SentReconciliation(this.consumerSettings, this.sent, this.alerts, this.welcomeSets, this.checkpoint,
				topic, reader);
	}

	private void publishUnrecorded(String topic, String alertId, List<Vacancy> vacancies) {
		this.kafka.executeInTransaction((operations) -> {
			vacancies.forEach((vacancy) -> operations.send(topic, alertId, matchOf(alertId, vacancy)));
			return null;
		});
	}

	private static List<Vacancy> vacancies(String word, String batch, int count) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> vacancy("test-trust:" + word + "-" + batch + "-" + i).description(word).build())
			.toList();
	}

	private static VacancyMatched matchOf(String alertId, Vacancy vacancy) {
		return VacancyMatched.of(alertId, Matchmaker.matchedVacancy(vacancy, null), ServiceClock.LONDON.instant());
	}

	private static String freshTopic() throws Exception {
		String topic = "test-sent-" + UUID.randomUUID();
		createTopic(topic);
		return topic;
	}

	private static void createTopic(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
	}

	/**
	 * Until the checkpoint of every partition of the alerts topic is where it ends now.
	 */
	private void awaitCheckpointAtTheEnd() {
		try (KafkaConsumer<String, byte[]> consumer = GrouplessConsumers.create(this.consumerSettings, "test-ends")) {
			List<TopicPartition> partitions = GrouplessConsumers.partitionsOf(consumer, Topics.ALERTS);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().untilAsserted(() -> {
				Map<TopicPartition, Long> checkpointed = this.checkpoint.offsets(partitions);
				ends.forEach((partition, end) -> assertThat(checkpointed.getOrDefault(partition, 0L))
					.as("checkpoint of %s", partition)
					.isGreaterThanOrEqualTo(end));
			});
		}
	}

	private long sentMatchesOf(String alertId) {
		return this.mongo.count(Query.query(where("alertId").is(alertId)), "sentMatches");
	}

}
