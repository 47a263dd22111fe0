package uk.nhsjob.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * Reads a topic from its beginning as a plain consumer would, outside any group and
 * {@code read_committed} as the services do (unless given another isolation level), and
 * keeps every record it has seen.
 * <p>
 * Before asserting that something is <em>not</em> on the topic, call
 * {@link #catchUpToEnd()}: it reads every partition up to its end offset as it is at the
 * time of the call, so a record already written to another partition is not missed.
 */
public final class TopicReader implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final KafkaConsumer<String, String> consumer;

	private final List<TopicPartition> partitions;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	public TopicReader(String topic) {
		this(TestInfrastructure.shared().kafkaBootstrapServers(), topic);
	}

	public TopicReader(String bootstrapServers, String topic) {
		this(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
	}

	/**
	 * A reader at another isolation level: {@code read_uncommitted} also sees what
	 * transactions wrote and then aborted, or have not committed yet.
	 */
	public TopicReader(String topic, IsolationLevel isolationLevel) {
		this(TestInfrastructure.shared().kafkaBootstrapServers(), topic, isolationLevel);
	}

	public TopicReader(String bootstrapServers, String topic, IsolationLevel isolationLevel) {
		this(bootstrapServers, topic, isolationLevel, Map.of());
	}

	/**
	 * A reader that logs in to a broker that wants credentials:
	 * {@code security.protocol}, {@code sasl.*}, {@code ssl.*} as a plain Kafka client
	 * takes them ({@link ScramKafkaBroker#clientProperties}).
	 */
	public TopicReader(String bootstrapServers, String topic, Map<String, Object> clientProperties) {
		this(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, clientProperties);
	}

	private TopicReader(String bootstrapServers, String topic, IsolationLevel isolationLevel,
			Map<String, Object> clientProperties) {
		Map<String, Object> config = new HashMap<>(clientProperties);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel.name().toLowerCase(Locale.ROOT));
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		this.partitions = this.consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/** Waits for a record under this key whose JSON value satisfies the condition. */
	public JsonNode await(String key, Predicate<JsonNode> condition) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		Awaitility.await().atMost(WAIT).until(() -> {
			poll();
			values(key).stream().filter(condition).findFirst().ifPresent(found::set);
			return found.get() != null;
		});
		return found.get();
	}

	/** Waits for a record under this key and answers its value as it came. */
	public String awaitRaw(String key) {
		AtomicReference<String> found = new AtomicReference<>();
		Awaitility.await().atMost(WAIT).until(() -> {
			poll();
			this.seen.stream()
				.filter((record) -> key.equals(record.key()))
				.findFirst()
				.ifPresent((record) -> found.set(record.value()));
			return found.get() != null;
		});
		return found.get();
	}

	/** Waits for a tombstone under this key. */
	public void awaitTombstone(String key) {
		Awaitility.await().atMost(WAIT).until(() -> {
			poll();
			return this.seen.stream().anyMatch((record) -> key.equals(record.key()) && record.value() == null);
		});
	}

	/** The values seen so far under this key, oldest first (tombstones left out). */
	public List<JsonNode> values(String key) {
		return this.seen.stream()
			.filter((record) -> key.equals(record.key()) && record.value() != null)
			.map((record) -> JSON.readTree(record.value()))
			.toList();
	}

	/** Every record seen so far, in the order read. */
	public List<ConsumerRecord<String, String>> records() {
		return List.copyOf(this.seen);
	}

	/** Reads whatever one poll brings; nothing is promised about other partitions. */
	public TopicReader catchUp() {
		poll();
		return this;
	}

	/**
	 * Reads every partition up to the end offset it has now (for {@code read_committed},
	 * the last stable offset), so what follows can assert that a record is absent. A long
	 * topic takes as long as it takes: it gives up only when 30 s pass without a record.
	 */
	public TopicReader catchUpToEnd() {
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions);
		while (!reached(ends)) {
			long before = positions();
			try {
				Awaitility.await().atMost(WAIT).until(() -> {
					poll();
					return reached(ends) || positions() > before;
				});
			}
			catch (ConditionTimeoutException ex) {
				throw new AssertionError("Nothing read of " + this.partitions + " in " + WAIT + ", short of " + ends,
						ex);
			}
		}
		return this;
	}

	private boolean reached(Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
	}

	private long positions() {
		return this.partitions.stream().mapToLong(this.consumer::position).sum();
	}

	private void poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
