package uk.nhsjob.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared broker can be stopped, as an outage, and started again on the same address
 * with what it held. Slow: the broker is shared by the JVM's tests.
 */
@SlowTest
class KafkaRestartTests {

	private final TestInfrastructure infrastructure = TestInfrastructure.shared();

	@Test
	void startsAgainOnTheSameAddressWithWhatItHeld() throws Exception {
		String servers = this.infrastructure.kafkaBootstrapServers();
		String topic = "test-support.restart-" + UUID.randomUUID().toString().substring(0, 8);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		send(servers, topic, "before");

		this.infrastructure.stopKafka();
		try {
			assertThatThrownBy(() -> send(servers, topic, "during")).isInstanceOf(ExecutionException.class);
		}
		finally {
			this.infrastructure.startKafka();
		}

		send(servers, topic, "after");
		assertThat(this.infrastructure.kafkaBootstrapServers()).isEqualTo(servers);
		try (TopicReader reader = new TopicReader(servers, topic)) {
			assertThat(reader.catchUpToEnd().records()).extracting((record) -> record.key())
				.containsExactly("before", "after");
		}
	}

	private static void send(String servers, String topic, String key) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
						2000),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, key)).get(10, TimeUnit.SECONDS);
		}
	}

}
