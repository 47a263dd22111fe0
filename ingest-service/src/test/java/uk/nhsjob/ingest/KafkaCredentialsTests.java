package uk.nhsjob.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import uk.nhsjob.common.Topics;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.platform.kafka.DeadLetterReplay;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.ScramKafkaBroker;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service against a broker that takes only SASL/SCRAM clients, given its credentials
 * through Spring Boot's own settings (docs/operations.md, "Credentials"): its producer,
 * its topic declarations, its hand-built health client and the dead-letter replay all log
 * in. MongoDB is the shared test server, which checks no credentials.
 */
@SlowTest
class KafkaCredentialsTests {

	private static final String USER = "nhsjob";

	private static final String PASSWORD = "secret-" + UUID.randomUUID();

	@Test
	void publishesAFeedThroughABrokerThatRequiresScramCredentials() throws Exception {
		try (ScramKafkaBroker kafka = ScramKafkaBroker.start(USER, PASSWORD)) {
			String sourceId = IngestApi.uniqueSourceId("scram");
			try (ConfigurableApplicationContext ingest = startIngest(kafka)) {
				IngestApi api = new IngestApi(
						ingest.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
				String key = api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");

				Response receipt = api.pushFeed(sourceId, key, Feeds.feed(Feeds.vacancy("S-1")));

				// the receipt counts only what the broker acknowledged
				assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
				assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
				assertThat(api.get("/actuator/health", null)
					.json()
					.path("components")
					.path("kafka")
					.path("status")
					.asString()).isEqualTo("UP");
			}

			Map<String, Object> login = ScramKafkaBroker.clientProperties(USER, PASSWORD);
			try (TopicReader vacancies = new TopicReader(kafka.bootstrapServers(), Topics.VACANCIES, login)) {
				JsonNode record = vacancies.await(sourceId + ":S-1", (value) -> true);
				assertThat(record.path("vacancy").path("externalId").asString()).isEqualTo("S-1");
			}
			Map<String, Object> wrongPassword = new HashMap<>(ScramKafkaBroker.clientProperties(USER, "not-it"));
			wrongPassword.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
			try (KafkaConsumer<String, String> stranger = new KafkaConsumer<>(wrongPassword, new StringDeserializer(),
					new StringDeserializer())) {
				assertThatThrownBy(() -> stranger.partitionsFor(Topics.VACANCIES))
					.isInstanceOf(SaslAuthenticationException.class);
			}
		}
	}

	@Test
	void replaysDeadLettersThroughABrokerThatRequiresScramCredentials() throws Exception {
		try (ScramKafkaBroker kafka = ScramKafkaBroker.start(USER, PASSWORD)) {
			Map<String, Object> login = new HashMap<>(ScramKafkaBroker.clientProperties(USER, PASSWORD));
			login.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
			String topic = "scram-replay-" + UUID.randomUUID();
			try (Admin admin = Admin.create(login)) {
				admin
					.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
							new NewTopic(Topics.deadLetterTopicOf(topic), 1, (short) 1)))
					.all()
					.get(30, TimeUnit.SECONDS);
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(login, new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>(Topics.deadLetterTopicOf(topic), "key", "dead letter")).get();
			}

			DeadLetterReplay.Outcome outcome = new DeadLetterReplay(login, "replay-" + UUID.randomUUID()).run(topic);

			assertThat(outcome.replayed()).isEqualTo(1);
			try (TopicReader replayed = new TopicReader(kafka.bootstrapServers(), topic, login)) {
				assertThat(replayed.awaitRaw("key")).isEqualTo("dead letter");
			}
		}
	}

	private static ConfigurableApplicationContext startIngest(ScramKafkaBroker kafka) {
		List<String> arguments = new ArrayList<>();
		kafka.springProperties(USER, PASSWORD).forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--spring.mongodb.uri=" + TestInfrastructure.shared().mongoUri());
		arguments.add("--server.port=0");
		arguments.add("--nhsjob.ingest.admin-token=" + IngestApi.ADMIN_TOKEN);
		return IngestApplication.application()
			.sources(ServiceClock.ServiceClockConfiguration.class)
			.run(arguments.toArray(String[]::new));
	}

}
