package uk.nhsjob.matcher.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Consumers that read whole topics outside any group: they commit nothing, so they never
 * move the matching group's position. Values arrive as bytes, so that one unreadable
 * record is skipped without stopping the rest.
 */
final class GrouplessConsumers {

	private GrouplessConsumers() {
	}

	static KafkaConsumer<String, byte[]> create(ConsumerFactory<?, ?> settings, String clientId) {
		Map<String, Object> config = new HashMap<>(settings.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Every partition of the topic; empty while the topic does not exist. */
	static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
		return consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
	}

}
