package uk.nhsjob.matcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.ProfileRepublication;
import uk.nhsjob.matcher.alert.StoredAlerts;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SkipTestConfigurations;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The first start of two instances with profile schema version 2 on a database whose
 * alerts' latest profile records are version 1: a vacancy consumed while the profiles are
 * being republished waits and is matched once they are (docs/matching.md, "Republishing
 * on schema version 2"). The instances have a database and a consumer group of their own.
 */
@RealInfrastructure
class SchemaUpgradeIntegrationTests {

	private static final String SHARED_GROUP = "matcher-service";

	private final String run = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aVacancyConsumedDuringTheRepublicationIsMatchedOnceItIsComplete() throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		MatcherTopics.create();
		String word = uniqueWord();
		try (MongoClient client = MongoClients.create(infrastructure.mongoUri());
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
				VacancyFeed feed = new VacancyFeed();
				TopicReader matches = new TopicReader(Topics.ALERTS)) {
			MongoTemplate mongo = new MongoTemplate(client, "nhsjob-" + this.run);
			Alert alert = mongo
				.insert(StoredAlerts.activeBeforeSchema2(uniqueEmail(), new Criteria(List.of(), null, null, null, null,
						null, List.of(), List.of(), List.of(), List.of(), null, word), ServiceClock.LONDON.instant()));
			// another instance holds the alert's publish lease: its republication waits
			mongo.insert(
					new Document("_id", alert.id()).append("leaseHolder", "another-instance")
						.append("leaseUntil", Date.from(ServiceClock.LONDON.instant().plus(Duration.ofHours(1)))),
					"alert_publications");
			publish(infrastructure, StoredAlerts.versionOneProfileOf(alert));
			startGroupAtTheEnd(admin);

			try (ConfigurableApplicationContext first = start("first");
					ConfigurableApplicationContext second = start("second")) {
				String vacancyId = "test-trust:" + word + "-during-upgrade";
				RecordMetadata published = feed.publish(vacancy(vacancyId).description(word).build());
				if (committedOffset(admin, SHARED_GROUP, published) != null) {
					// the tests' shared instance, if running, has its own database:
					// past the vacancy before the alert's criteria are on the topic
					feed.awaitMatcherRead(published);
				}
				// the instances have tried the vacancy: retried it while the
				// republication is incomplete (or, were they not to wait, matched it)
				await().atMost(Duration.ofSeconds(60))
					.until(() -> failedVacancyRecords(first) + failedVacancyRecords(second) > 0
							|| isPast(committedOffset(admin, this.run, published), published));
				assertThat(republication(first).completedAt()).isEmpty();

				// the other instance's lease runs out
				mongo.updateFirst(Query.query(where("_id").is(alert.id())), new Update().unset("leaseUntil"),
						"alert_publications");

				matches.await(alert.id(), (record) -> isVacancyMatched(record, vacancyId));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> isPast(committedOffset(admin, this.run, published), published));
				matches.catchUp();
				assertThat(matches.values(alert.id())).filteredOn((record) -> isVacancyMatched(record, vacancyId))
					.hasSize(1);
				Instant completedAt = republication(first).completedAt().orElseThrow();
				assertThat(republication(second).completedAt()).contains(completedAt);
				assertThat(mongo.count(new Query(), "matcher_migrations")).isOne();
			}
		}
	}

	private ConfigurableApplicationContext start(String instance) {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		return MatcherApplication.application()
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
			.sources(VacancyTopic.class)
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					"--spring.mongodb.uri=" + infrastructure.mongoUri(), "--spring.mongodb.database=nhsjob-" + this.run,
					"--spring.kafka.consumer.group-id=" + this.run,
					"--spring.kafka.producer.transaction-id-prefix=" + this.run + "-" + instance + "-",
					"--spring.kafka.consumer.client-id=" + this.run + "-" + instance,
					"--nhsjob.matcher.outbox-relay-interval=1s", "--nhsjob.matcher.expiry-sweep-interval=1s",
					"--nhsjob.matcher.token-secret=" + LinkSecrets.CURRENT,
					"--nhsjob.matcher.previous-token-secret=" + LinkSecrets.PREVIOUS);
	}

	/**
	 * The instances' group starts where the vacancy topic ends now: they match no other
	 * test's vacancies.
	 */
	private void startGroupAtTheEnd(Admin admin) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		admin.describeTopics(List.of(Topics.VACANCIES))
			.allTopicNames()
			.get()
			.get(Topics.VACANCIES)
			.partitions()
			.forEach((info) -> partitions.put(new TopicPartition(Topics.VACANCIES, info.partition()),
					OffsetSpec.latest()));
		Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
		admin.listOffsets(partitions)
			.all()
			.get()
			.forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
		admin.alterConsumerGroupOffsets(this.run, ends).all().get();
	}

	private static boolean isPast(@Nullable Long committed, RecordMetadata record) {
		return committed != null && committed > record.offset();
	}

	private static long failedVacancyRecords(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class)
			.find("spring.kafka.listener")
			.tag("result", "failure")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static ProfileRepublication republication(ConfigurableApplicationContext instance) {
		return instance.getBean(ProfileRepublication.class);
	}

	private static void publish(TestInfrastructure infrastructure, AlertProfileChanged profile) throws Exception {
		try (KafkaProducer<String, AlertProfileChanged> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<AlertProfileChanged>().noTypeInfo())) {
			producer.send(new ProducerRecord<>(Topics.PROFILES, profile.alertId(), profile)).get();
		}
	}

	private static @Nullable Long committedOffset(Admin admin, String group, RecordMetadata record)
			throws InterruptedException, ExecutionException {
		OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(new TopicPartition(record.topic(), record.partition()));
		return (committed != null) ? committed.offset() : null;
	}

}
