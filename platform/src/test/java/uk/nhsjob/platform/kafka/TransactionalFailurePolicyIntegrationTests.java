package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failure policy of a listener that consumes in Kafka transactions (the matcher's),
 * on a real broker: a record failing with a fault that passes is read again in a new
 * transaction for as long as the fault lasts, never dead-lettered, the listener reported
 * failing meanwhile.
 */
@RealInfrastructure
@SpringBootTest(classes = TransactionalFailurePolicyIntegrationTests.TransactionalApplication.class,
		properties = { "spring.mongodb.database=platform-tests", "nhsjob.kafka.retry.attempts=2",
				"nhsjob.kafka.retry.initial-interval=10ms", "nhsjob.kafka.retry.transient-max-interval=1s",
				"spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.consumer.isolation-level=read_committed",
				"spring.kafka.producer.transaction-id-prefix=platform-transactional-test-",
				"spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
				"spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer" })
class TransactionalFailurePolicyIntegrationTests {

	static final String TOPIC = "platform-test.transactional-failures.v1";

	static final List<String> handled = new CopyOnWriteArrayList<>();

	static final Set<String> unreachable = ConcurrentHashMap.newKeySet();

	@Autowired
	BackgroundReaders readers;

	@Test
	void retriesAFaultThatPassesInNewTransactionsForAsLongAsItLasts(TestInfrastructure infrastructure) {
		String flaky = "flaky-" + UUID.randomUUID();
		unreachable.add(flaky);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, flaky, flaky));
		}

		// longer than the retries of any other failure (milliseconds here)
		await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(reader().map(BackgroundReader::state)).contains(BackgroundReader.State.FAILING);
			assertThat(handled).doesNotContain(flaky);
		});
		unreachable.remove(flaky);

		await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(flaky));
		await().atMost(Duration.ofSeconds(10)).until(() -> reader().map(BackgroundReader::isHealthy).orElse(false));
		try (TopicReader deadLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
				Topics.deadLetterTopicOf(TOPIC))) {
			assertThat(deadLetters.catchUpToEnd().records()).extracting((record) -> record.key()).doesNotContain(flaky);
		}
	}

	private Optional<BackgroundReader> reader() {
		return this.readers.all()
			.stream()
			.filter((reader) -> reader.name().startsWith("listener platform-transactional-failure-test"))
			.findFirst();
	}

	static class Unreachable extends RuntimeException implements TransientFault {

		Unreachable(String key) {
			super("a dependency is away while handling " + key);
		}

	}

	@SpringBootApplication
	static class TransactionalApplication {

		@Bean
		KafkaAdmin.NewTopics testTopics(KafkaSettings settings) {
			return new KafkaAdmin.NewTopics(TopicBuilder.name(TOPIC).partitions(1).build());
		}

		@Bean
		KafkaAdmin.NewTopics deadLetterTopics(KafkaSettings settings) {
			return TopicDeclarations.deadLetterTopicsOf(settings, TOPIC);
		}

		@Bean
		AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaSettings settings,
				ProducerFactory<Object, Object> producerFactory, KafkaTemplate<Object, Object> template,
				ListenerFaultReporting reporting) {
			return KafkaFailurePolicy.afterRollbackProcessor(settings, producerFactory, template, reporting);
		}

		@KafkaListener(topics = TOPIC, groupId = "platform-transactional-failure-test")
		void listen(String key) {
			if (unreachable.contains(key)) {
				throw new Unreachable(key);
			}
			handled.add(key);
		}

	}

}
