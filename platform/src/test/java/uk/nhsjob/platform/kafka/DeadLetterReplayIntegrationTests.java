package uk.nhsjob.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replay on a real broker: each dead letter goes back on its topic once, with its key
 * and bytes and without the failure headers; a second run finds nothing new.
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
