package uk.nhsjob.matcher.matching;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.kafka.ScramKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matcher's readers of whole topics (the profile and vacancy readers, the sent
 * reconciliation) build their consumers by hand; they log in as the service's consumer
 * factory does (docs/operations.md, "Credentials"), here to a broker that takes only SASL
 * clients.
 */
@SlowTest
class GrouplessConsumersCredentialsTests {

	private static final String USER = "matcher";

	private static final String PASSWORD = "secret-" + UUID.randomUUID();

	@Test
	void readsAWholeTopicWithTheLoginOfTheConsumerFactory() throws Exception {
		try (ScramKafkaBroker kafka = ScramKafkaBroker.start(USER, PASSWORD)) {
			Map<String, Object> login = new HashMap<>(ScramKafkaBroker.clientProperties(USER, PASSWORD));
			login.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
			String topic = "groupless-" + UUID.randomUUID();
			try (Admin admin = Admin.create(login)) {
				admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(login, new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>(topic, "alert-1", "profile")).get();
			}
			Map<String, Object> factorySettings = new HashMap<>(login);
			factorySettings.put(ConsumerConfig.GROUP_ID_CONFIG, "matcher-service");

			List<String> read = new ArrayList<>();
			try (KafkaConsumer<String, byte[]> consumer = GrouplessConsumers
				.create(new DefaultKafkaConsumerFactory<>(factorySettings), "credentials-test")) {
				List<TopicPartition> partitions = GrouplessConsumers.partitionsOf(consumer, topic);
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
						read.add(record.key() + "=" + new String(record.value(), StandardCharsets.UTF_8));
					}
					return !read.isEmpty();
				});
				assertThat(partitions).hasSize(2);
			}
			assertThat(read).containsExactly("alert-1=profile");
		}
	}

}
