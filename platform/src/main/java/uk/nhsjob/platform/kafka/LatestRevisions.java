package uk.nhsjob.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.Topics;

/**
 * The latest state of some keys on a compacted topic whose records carry a revision
 * (docs/events.md: {@code nhsjob.profiles.v1}, {@code nhsjob.vacancies.v1}), read to the
 * end of the partitions those keys live on; for {@link DeadLetterReplay}, which must not
 * put an older state back.
 */
final class LatestRevisions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> REVISION_PATHS = Map.of(Topics.PROFILES, "/revision", Topics.VACANCIES,
			"/vacancy/revision");

	private static final Duration POLL = Duration.ofMillis(500);

	/** A key's latest record: a tombstone, or a revision (-1: none readable). */
	record Latest(boolean tombstone, long revision) {

	}

	private LatestRevisions() {
	}

	/** Whether records of the topic are compared by revision before a replay. */
	static boolean isChecked(String topic) {
		return REVISION_PATHS.containsKey(topic);
	}

	/** The record's revision, if its value is a readable record of that topic. */
	static OptionalLong revisionOf(String topic, byte[] value) {
		try {
			JsonNode revision = JSON.readTree(value).at(REVISION_PATHS.get(topic));
			return revision.isIntegralNumber() ? OptionalLong.of(revision.asLong()) : OptionalLong.empty();
		}
		catch (RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The latest committed record of each key on the topic; none for a key never seen.
	 * @param clientProperties the brokers and how to log in to them
	 */
	static Map<String, Latest> of(Map<String, Object> clientProperties, String topic, Set<String> keys) {
		Map<String, Latest> latest = new HashMap<>();
		if (keys.isEmpty()) {
			return latest;
		}
		Map<String, Object> config = new HashMap<>(clientProperties);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			int partitions = consumer.partitionsFor(topic).size();
			// where the producer's default partitioner puts each key
			List<TopicPartition> holding = keys.stream()
				.map((key) -> new TopicPartition(topic,
						Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions))
				.collect(Collectors.toSet())
				.stream()
				.toList();
			consumer.assign(holding);
			consumer.seekToBeginning(holding);
			Map<TopicPartition, Long> ends = consumer.endOffsets(holding);
			while (holding.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
					if (key != null && keys.contains(key)) {
						latest.put(key, latestOf(topic, record.value()));
					}
				}
			}
		}
		return latest;
	}

	static Latest latestOf(String topic, byte @Nullable [] value) {
		return (value == null) ? new Latest(true, -1) : new Latest(false, revisionOf(topic, value).orElse(-1));
	}

}
