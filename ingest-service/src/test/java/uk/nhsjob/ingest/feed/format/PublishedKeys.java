package uk.nhsjob.ingest.feed.format;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The keys on {@code nhsjob.vacancies.v1} now: the topic read from the beginning to its
 * end offsets as they are when asked, so "nothing was published" is a fact, not a wait.
 */
final class PublishedKeys {

	private PublishedKeys() {
	}

	/** Every key now on the topic that starts with the prefix. */
	static List<String> startingWith(String prefix) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.VACANCIES)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
					if (record.key() != null && record.key().startsWith(prefix)) {
						keys.add(record.key());
					}
				}
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
			return keys;
		}
	}

	private static Properties properties() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		return properties;
	}

}
