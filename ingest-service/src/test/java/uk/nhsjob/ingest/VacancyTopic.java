package uk.nhsjob.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code nhsjob.vacancies.v1} from the beginning with a plain consumer, as any
 * other service would.
 */
public final class VacancyTopic {

	private VacancyTopic() {
	}

	/** The records under a key, oldest first, once they satisfy the condition. */
	public static List<ConsumerRecord<String, String>> awaitRecords(String key,
			Predicate<List<ConsumerRecord<String, String>>> until) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.VACANCIES)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
				return until.test(found);
			});
			return found;
		}
	}

	/** The events under a key, oldest first, once there are at least this many. */
	public static List<VacancyPublished> awaitEvents(String key, int count) {
		return awaitRecords(key, (records) -> records.size() >= count).stream().map(VacancyTopic::event).toList();
	}

	public static VacancyPublished event(ConsumerRecord<String, String> record) {
		return IngestApi.JSON.readValue(record.value(), VacancyPublished.class);
	}

	private static Properties consumerProperties() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		return properties;
	}

}
