package uk.nhsjob.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replay on a real broker: each dead letter goes back on its topic once, with its key
 * and bytes and without the failure headers; a second run finds nothing new. Onto a
 * compacted topic of revisions, a dead letter older than the topic's latest record of its
 * key, or erased there, is refused.
 */
@RealInfrastructure
class DeadLetterReplayIntegrationTests {

	private final String topic = "platform-test.replay-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";

	@Test
	void replaysEachDeadLetterOnceOntoItsTopicWithoutTheFailureHeaders(TestInfrastructure infrastructure)
			throws Exception {
		String servers = infrastructure.kafkaBootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
			admin.createTopics(List.of(new NewTopic(this.topic, 1, (short) 1),
					new NewTopic(Topics.deadLetterTopicOf(this.topic), 1, (short) 1)))
				.all()
				.get();
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(),
				new ByteArraySerializer())) {
			for (String key : List.of("first", "second")) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetterTopicOf(this.topic), key,
						("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
				record.headers().add("kafka_dlt-exception-message", "no profile yet".getBytes(StandardCharsets.UTF_8));
				record.headers().add("traceparent", "kept".getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}
		DeadLetterReplay replay = new DeadLetterReplay(servers, "replay-test-" + UUID.randomUUID());

		assertThat(replay.replay(this.topic)).isEqualTo(2);

		List<ConsumerRecord<String, byte[]>> replayed = readAll(servers, 2);
		assertThat(replayed).extracting(ConsumerRecord::key).containsExactly("first", "second");
		assertThat(replayed.get(0).value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"key\":\"first\"}");
		assertThat(replayed).allSatisfy((record) -> {
			assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
			assertThat(record.headers().lastHeader("traceparent").value()).asString(StandardCharsets.UTF_8)
				.isEqualTo("kept");
		});
		assertThat(replay.replay(this.topic)).isZero();
	}

	@Test
	void refusesToPutAnOlderStateBackOnACompactedTopic(TestInfrastructure infrastructure) throws Exception {
		String servers = infrastructure.kafkaBootstrapServers();
		createIfAbsent(servers, Topics.PROFILES, Topics.deadLetterTopicOf(Topics.PROFILES));
		String run = UUID.randomUUID().toString();
		String superseded = "superseded-" + run;
		String erased = "erased-" + run;
		String newer = "newer-" + run;
		String unseen = "unseen-" + run;
		String unreadable = "unreadable-" + run;
		publish(servers, Topics.PROFILES, superseded, profile(superseded, 2));
		publish(servers, Topics.PROFILES, erased, profile(erased, 1));
		publish(servers, Topics.PROFILES, erased, null);
		publish(servers, Topics.PROFILES, newer, profile(newer, 2));
		String deadLetters = Topics.deadLetterTopicOf(Topics.PROFILES);
		publish(servers, deadLetters, superseded, profile(superseded, 1));
		publish(servers, deadLetters, erased, profile(erased, 1));
		publish(servers, deadLetters, newer, profile(newer, 3));
		publish(servers, deadLetters, unseen, profile(unseen, 1));
		publish(servers, deadLetters, unreadable, "{not json".getBytes(StandardCharsets.UTF_8));

		DeadLetterReplay.Outcome outcome = new DeadLetterReplay(servers, "replay-test-" + run).run(Topics.PROFILES);

		assertThat(outcome.replayed()).isEqualTo(1);
		assertThat(outcome.refusals()).hasSize(4)
			.anySatisfy((refusal) -> assertThat(refusal).contains("key " + superseded,
					"the topic holds revision 2, newer than this record's 1"))
			.anySatisfy((refusal) -> assertThat(refusal).contains("key " + erased, "tombstone"))
			.anySatisfy((refusal) -> assertThat(refusal).contains("key " + unreadable, "no revision"))
			.anySatisfy((refusal) -> assertThat(refusal).contains("key " + unseen, "no record of the key"));
		Map<String, List<String>> onTopic = valuesByKey(servers, Topics.PROFILES,
				Set.of(superseded, erased, newer, unseen, unreadable));
		assertThat(onTopic.get(superseded)).as("the newer state stays the latest").hasSize(1);
		assertThat(onTopic.get(erased)).as("the erasure stays the latest").endsWith("null");
		assertThat(onTopic.get(newer)).hasSize(2).last().asString().contains("\"revision\":3");
		assertThat(onTopic).as("an erased alert whose tombstone was compacted away stays gone")
			.doesNotContainKey(unseen);
		assertThat(onTopic).doesNotContainKey(unreadable);
	}

	@Test
	void comparesAVacancyByTheRevisionOfTheVacancyItCarries(TestInfrastructure infrastructure) throws Exception {
		String servers = infrastructure.kafkaBootstrapServers();
		createIfAbsent(servers, Topics.VACANCIES, Topics.deadLetterTopicOf(Topics.VACANCIES));
		String run = UUID.randomUUID().toString();
		String closed = "source:closed-" + run;
		publish(servers, Topics.VACANCIES, closed, vacancy(closed, 2, "CLOSED"));
		publish(servers, Topics.deadLetterTopicOf(Topics.VACANCIES), closed, vacancy(closed, 1, "OPEN"));

		DeadLetterReplay.Outcome outcome = new DeadLetterReplay(servers, "replay-test-" + run).run(Topics.VACANCIES);

		assertThat(outcome.replayed()).isZero();
		assertThat(outcome.refusals()).singleElement()
			.asString()
			.contains("key " + closed, "the topic holds revision 2, newer than this record's 1");
	}

	private static void createIfAbsent(String servers, String... topics) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = Arrays.stream(topics)
				.filter((topic) -> !existing.contains(topic))
				.map((topic) -> new NewTopic(topic, 3, (short) 1))
				.toList();
			admin.createTopics(missing).all().get();
		}
	}

	private static void publish(String servers, String topic, String key, byte @Nullable [] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static byte[] profile(String alertId, long revision) {
		return ("{\"alertId\":\"" + alertId + "\",\"revision\":" + revision + ",\"status\":\"ACTIVE\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] vacancy(String vacancyId, long revision, String status) {
		return ("{\"vacancy\":{\"id\":\"" + vacancyId + "\",\"revision\":" + revision + ",\"status\":\"" + status
				+ "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Each key's values on the topic in order, "null" for a tombstone. */
	private static Map<String, List<String>> valuesByKey(String servers, String topic, Set<String> keys) {
		Map<String, List<String>> values = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.contains(record.key())) {
						values.computeIfAbsent(record.key(), (key) -> new ArrayList<>())
							.add((record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8)
									: "null");
					}
				});
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return values;
	}

	private List<ConsumerRecord<String, byte[]>> readAll(String servers, int expected) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG,
						"reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(this.topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(found::add);
				return found.size() >= expected;
			});
		}
		return found;
	}

}
