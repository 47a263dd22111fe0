package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failure policy every service inherits, on a real broker: a record the listener
 * keeps failing on is retried, then dead-lettered to {@code <topic>.dlt} with its failure
 * headers; a record that is not even JSON goes there at once, byte for byte; and the
 * listener carries on with the next record either way. A record failing with a fault that
 * passes is retried for as long as it fails, never dead-lettered, the listener reported
 * failing meanwhile.
 */
@RealInfrastructure
@SpringBootTest(classes = KafkaFailurePolicyIntegrationTests.ListenerApplication.class, properties = {
		"spring.mongodb.database=platform-tests", "nhsjob.kafka.retry.attempts=2",
		"nhsjob.kafka.retry.initial-interval=10ms", "nhsjob.kafka.retry.transient-max-interval=1s",
		"spring.kafka.consumer.auto-offset-reset=earliest",
		"spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
		"spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=org.springframework.kafka.support.serializer.JacksonJsonDeserializer",
		"spring.kafka.consumer.properties.spring.json.trusted.packages=uk.nhsjob.common.*",
		"spring.kafka.consumer.properties.spring.json.value.default.type=uk.nhsjob.common.profile.AlertProfileChanged",
		"spring.kafka.producer.value-serializer=org.springframework.kafka.support.serializer.JacksonJsonSerializer" })
class KafkaFailurePolicyIntegrationTests {

	static final String TOPIC = "platform-test.failures.v1";

	static final List<String> attempts = new CopyOnWriteArrayList<>();

	static final List<String> handled = new CopyOnWriteArrayList<>();

	/** Keys whose records fail with a fault that passes, until the test lifts it. */
	static final Set<String> unreachable = ConcurrentHashMap.newKeySet();

	TestInfrastructure infrastructure = TestInfrastructure.shared();

	@Autowired
	BackgroundReaders readers;

	@Test
	void retriesAFaultThatPassesForAsLongAsItLastsAndLosesNothing() {
		String flaky = "flaky-" + UUID.randomUUID();
		String behind = "behind-" + UUID.randomUUID();
		unreachable.add(flaky);
		send(flaky, json(flaky));
		send(behind, json(behind));

		await().atMost(Duration.ofSeconds(30)).until(() -> attempts.contains(flaky));
		// longer than the retries of any other failure (a few, 7.5 s apart at most by
		// default; milliseconds here): still retried, the listener reported failing
		await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(listenerReader().state()).isEqualTo(BackgroundReader.State.FAILING);
			assertThat(handled).doesNotContain(flaky, behind);
		});
		assertThat(attempts.stream().filter(flaky::equals).count()).isGreaterThan(3);

		unreachable.remove(flaky);
		await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsAll(List.of(flaky, behind)));
		await().atMost(Duration.ofSeconds(10)).until(() -> listenerReader().isHealthy());
		assertThat(deadLetterKeys()).doesNotContain(flaky, behind);
	}

	private BackgroundReader listenerReader() {
		return this.readers.all()
			.stream()
			.filter((reader) -> reader.name().equals("listener platform-failure-policy-test"))
			.findFirst()
			.orElseThrow();
	}

	private List<String> deadLetterKeys() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetterTopicOf(TOPIC))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return keys;
	}

	@Test
	void retriesThenDeadLettersAFailingRecordAndCarriesOn() {
		String poisoned = "poison-" + UUID.randomUUID();
		String good = "good-" + UUID.randomUUID();
		send(poisoned, json(poisoned));
		send(good, json(good));

		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisoned);
		assertThat(attempts.stream().filter(poisoned::equals)).hasSize(3);
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message").value()).asString()
			.contains("refused " + poisoned);
		assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value()).asString().isEqualTo(TOPIC);
		await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(good));
	}

	@Test
	void deadLettersARecordThatIsNotJsonAsTheBytesThatArrived() {
		String key = "garbage-" + UUID.randomUUID();
		byte[] garbage = "{not json at all".getBytes();
		send(key, garbage);

		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
		assertThat(dead.value()).isEqualTo(garbage);
		assertThat(attempts).doesNotContain(key);
	}

	private void send(String key, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", this.infrastructure.kafkaBootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, key, value));
		}
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.deadLetterTopicOf(TOPIC)));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
		}
		return found.get(0);
	}

	private static byte[] json(String alertId) {
		return ("{\"eventId\":\"" + UUID.randomUUID()
				+ "\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-25T09:30:00Z\"," + "\"alertId\":\"" + alertId
				+ "\",\"revision\":1,\"email\":\"a@example.org\",\"status\":\"ACTIVE\","
				+ "\"frequency\":\"INSTANT\",\"criteriaDescription\":\"jobs\",\"confirmationRequest\":1,"
				+ "\"confirmUrl\":\"https://x/c\",\"manageUrl\":\"https://x/m\",\"unsubscribeUrl\":\"https://x/u\"}")
			.getBytes();
	}

	static class Unreachable extends RuntimeException implements TransientFault {

		Unreachable(String key) {
			super("a dependency is away while handling " + key);
		}

	}

	@SpringBootApplication
	static class ListenerApplication {

		@Bean
		KafkaAdmin.NewTopics testTopics(KafkaSettings settings) {
			return new KafkaAdmin.NewTopics(TopicBuilder.name(TOPIC).partitions(1).build());
		}

		@Bean
		KafkaAdmin.NewTopics deadLetterTopics(KafkaSettings settings) {
			return TopicDeclarations.deadLetterTopicsOf(settings, TOPIC);
		}

		@KafkaListener(topics = TOPIC, groupId = "platform-failure-policy-test")
		void listen(AlertProfileChanged profile) {
			attempts.add(profile.alertId());
			if (unreachable.contains(profile.alertId())) {
				throw new Unreachable(profile.alertId());
			}
			if (profile.alertId().startsWith("poison-")) {
				throw new IllegalStateException("refused " + profile.alertId());
			}
			handled.add(profile.alertId());
		}

	}

}
