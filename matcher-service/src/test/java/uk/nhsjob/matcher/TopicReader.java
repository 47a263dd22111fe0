package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * Reads a topic from its beginning as a plain consumer would, outside any group and
 * {@code read_committed} as the notifier does, and keeps every record it has seen.
 */
public final class TopicReader implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	public TopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Waits for a record under this key whose JSON value satisfies the condition. */
	public JsonNode await(String key, Predicate<JsonNode> condition) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			poll();
			values(key).stream().filter(condition).findFirst().ifPresent(found::set);
			return found.get() != null;
		});
		return found.get();
	}

	/** The values seen so far under this key, oldest first. */
	public List<JsonNode> values(String key) {
		return this.seen.stream()
			.filter((record) -> key.equals(record.key()) && record.value() != null)
			.map((record) -> JSON.readTree(record.value()))
			.toList();
	}

	/** Waits for a tombstone under this key. */
	public void awaitTombstone(String key) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			poll();
			return this.seen.stream().anyMatch((record) -> key.equals(record.key()) && record.value() == null);
		});
	}

	/** Reads what has arrived meanwhile. */
	public TopicReader catchUp() {
		poll();
		return this;
	}

	/** Waits for a record under this key and answers its value as it came. */
	public String awaitRaw(String key) {
		AtomicReference<String> found = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			poll();
			this.seen.stream()
				.filter((record) -> key.equals(record.key()))
				.findFirst()
				.ifPresent((record) -> found.set(record.value()));
			return found.get() != null;
		});
		return found.get();
	}

	private void poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
