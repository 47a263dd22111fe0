package uk.nhsjob.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.LatestRevisions.Latest;

/**
 * Puts the records of {@code <topic>.dlt} back on {@code <topic>}, as they arrived (same
 * key, same bytes, without the {@code kafka_dlt-*} failure headers the failure policy
 * added), for an operator who has fixed the cause. Reads with a consumer group of its
 * own, so each record is replayed once per group; run it again after new dead letters.
 * Every service's jar holds it (the platform is in each); dead letters and their replay
 * are described in docs/operations.md.
 * <p>
 * Onto a compacted topic whose records carry a revision ({@code nhsjob.profiles.v1},
 * {@code nhsjob.vacancies.v1}) it never puts an older state back: a dead letter is
 * refused, with the reason printed, when the topic's latest record of its key is a
 * tombstone or has a higher revision, when the topic holds no record of the key at all
 * (its tombstone compacted away), or when the dead letter has no revision to compare. A
 * refused dead letter counts as handled and is not offered again.
 * <p>
 * From the command line, no Spring context: <pre>
 * KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 java -Dloader.main=uk.nhsjob.platform.kafka.DeadLetterReplay \
 *   -cp notifier-service/target/notifier-service-0.1.0-SNAPSHOT-exec.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher nhsjob.alerts.v1 [group]
 * </pre> It logs in to the brokers as the services do: the
 * {@code spring.kafka.security.*}, {@code spring.kafka.ssl.*} and
 * {@code spring.kafka.properties.*} settings, from the environment
 * ({@code SPRING_KAFKA_SECURITY_PROTOCOL}, …) or {@code -D} system properties
 * (docs/operations.md, "Credentials").
 */
public final class DeadLetterReplay {

	/** The consumer group of a replay started without one. */
	public static final String DEFAULT_GROUP = "nhsjob.dead-letter-replay";

	private static final Duration POLL = Duration.ofSeconds(2);

	private final Map<String, Object> clientProperties;

	private final String group;

	/**
	 * @param bootstrapServers the brokers, {@code host:port[,host:port]}
	 * @param group the consumer group whose committed offsets say what was replayed
	 */
	public DeadLetterReplay(String bootstrapServers, String group) {
		this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), group);
	}

	/**
	 * @param clientProperties what every client of the replay is given: the brokers
	 * ({@code bootstrap.servers}) and how to log in to them ({@code security.protocol},
	 * {@code sasl.*}, {@code ssl.*})
	 * @param group the consumer group whose committed offsets say what was replayed
	 */
	public DeadLetterReplay(Map<String, Object> clientProperties, String group) {
		if (!clientProperties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
			throw new IllegalArgumentException("the client properties name no bootstrap.servers");
		}
		this.clientProperties = Map.copyOf(clientProperties);
		this.group = group;
	}

	public static void main(String[] args) {
		if (args.length < 1 || args.length > 2) {
			System.err.println("usage: DeadLetterReplay <topic> [<group>]   (replays <topic>.dlt onto <topic>)");
			System.exit(2);
		}
		String group = (args.length > 1) ? args[1] : DEFAULT_GROUP;
		Outcome outcome = new DeadLetterReplay(clientPropertiesOf(new StandardEnvironment()), group).run(args[0]);
		outcome.refusals().forEach((refusal) -> System.out.println("Refused " + refusal));
		System.out.println("Replayed " + outcome.replayed() + " record(s) from " + Topics.deadLetterTopicOf(args[0])
				+ ((outcome.refusals().isEmpty()) ? ""
						: "; refused " + outcome.refusals().size() + " that would put an older state back"));
	}

	/**
	 * What a replay did.
	 *
	 * @param replayed dead letters put back on the topic
	 * @param refusals one line per dead letter refused:
	 * {@code <dlt>-<partition>@<offset> (key <key>): <reason>}
	 */
	public record Outcome(int replayed, List<String> refusals) {
	}

	/**
	 * The brokers ({@code KAFKA_BOOTSTRAP_SERVERS}, as for the services) and the login
	 * settings the services take, Boot's {@code spring.kafka.security.*},
	 * {@code spring.kafka.ssl.*} and {@code spring.kafka.properties.*}, bound from the
	 * environment and system properties as Boot binds them.
	 */
	static Map<String, Object> clientPropertiesOf(Environment environment) {
		KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
		Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
				environment.getProperty("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
		// the admin client's own identity means nothing to a consumer or producer
		properties.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
		return properties;
	}

	public String group() {
		return this.group;
	}

	/** Replays what is on the dead-letter topic now; returns how many records. */
	public int replay(String topic) {
		return run(topic).replayed();
	}

	/**
	 * Replays what is on the dead-letter topic now, refusing what would put an older
	 * state back on a compacted topic.
	 */
	public Outcome run(String topic) {
		String deadLetters = Topics.deadLetterTopicOf(topic);
		Map<String, Object> consumerConfig = new HashMap<>(this.clientProperties);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, this.group);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Object> producerConfig = new HashMap<>(this.clientProperties);
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int replayed = 0;
		List<String> refusals = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
						new ByteArraySerializer())) {
			consumer.subscribe(List.of(deadLetters));
			int unassigned = 0;
			int idle = 0;
			// done when two polls in a row find nothing left (or the group never forms)
			while (idle < 2 && unassigned < 15) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
				if (records.isEmpty()) {
					if (consumer.assignment().isEmpty()) {
						unassigned++;
					}
					else {
						idle++;
					}
					continue;
				}
				idle = 0;
				Map<String, Latest> latest = LatestRevisions.isChecked(topic)
						? LatestRevisions.of(this.clientProperties, topic, keysOf(records)) : Map.of();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					String refusal = LatestRevisions.isChecked(topic) ? refusal(topic, record, latest) : null;
					if (refusal != null) {
						refusals.add(record.topic() + "-" + record.partition() + "@" + record.offset() + " (key "
								+ keyOf(record) + "): " + refusal);
						continue;
					}
					producer.send(withoutFailureHeaders(topic, record)).get();
					replayed++;
				}
				// committed only once the records are back on the topic
				consumer.commitSync();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while replaying " + deadLetters, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not replay onto " + topic, ex.getCause());
		}
		return new Outcome(replayed, List.copyOf(refusals));
	}

	/**
	 * Why the dead letter must not go back, or null when it may; a replayed one becomes
	 * its key's latest.
	 */
	private static @Nullable String refusal(String topic, ConsumerRecord<byte[], byte[]> record,
			Map<String, Latest> latest) {
		String key = keyOf(record);
		if (key == null || record.value() == null) {
			// no key is never compacted away; a tombstone is never an older state
			return null;
		}
		OptionalLong revision = LatestRevisions.revisionOf(topic, record.value());
		if (revision.isEmpty()) {
			return "it has no revision to compare with the topic's latest record of the key";
		}
		Latest held = latest.get(key);
		if (held == null) {
			// the dead letter was read from the topic, so its key had a record there; a
			// compacted topic loses a key only when its tombstone is compacted away
			return "the topic holds no record of the key any more (erased, its tombstone since compacted away)";
		}
		if (held.tombstone()) {
			return "the topic's latest record of the key is a tombstone (erased)";
		}
		if (held.revision() > revision.getAsLong()) {
			return "the topic holds revision " + held.revision() + ", newer than this record's " + revision.getAsLong();
		}
		latest.put(key, new Latest(false, revision.getAsLong()));
		return null;
	}

	private static Set<String> keysOf(ConsumerRecords<byte[], byte[]> records) {
		Set<String> keys = new HashSet<>();
		records.forEach((record) -> {
			String key = keyOf(record);
			if (key != null) {
				keys.add(key);
			}
		});
		return keys;
	}

	private static @Nullable String keyOf(ConsumerRecord<byte[], byte[]> record) {
		return (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
	}

	private static ProducerRecord<byte[], byte[]> withoutFailureHeaders(String topic,
			ConsumerRecord<byte[], byte[]> record) {
		ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(topic, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt")) {
				replay.headers().add(header);
			}
		}
		return replay;
	}

}
