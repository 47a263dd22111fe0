package uk.nhsjob.localstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real three-node cluster from the jars in {@code target/kafka-libs} (the module's
 * package phase copies them, so this runs in verify): a topic with three copies and two
 * in sync keeps taking writes with {@code acks=all} while its leader is killed with
 * {@code SIGKILL}, and the node comes back into sync when it is started again. Tagged
 * {@code cluster}: it runs with the multi-instance runs ({@code ./cluster-test.sh}, after
 * {@code ./mvnw verify} in CI), which keeps verify within its time.
 */
@Tag("cluster")
class KafkaClusterTests {

	private static final String TOPIC = "cluster-test.v1";

	@TempDir
	Path folder;

	private KafkaCluster cluster;

	@AfterEach
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.stop();
		}
	}

	@Test
	void keepsTakingWritesWithAcksAllWhileOneOfThreeBrokersIsKilledAndTakesItBack() throws Exception {
		this.cluster = KafkaCluster.startOnFreePorts(KafkaLibraries.built(Path.of("")), this.folder, 3);
		this.cluster.awaitReady(Duration.ofMinutes(3));
		assertThat(this.cluster.replicationFactor()).isEqualTo(3);
		assertThat(this.cluster.minInsyncReplicas()).isEqualTo(2);

		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers()));
				KafkaProducer<String, String> producer = producer()) {
			admin
				.createTopics(List.of(new NewTopic(TOPIC, 1, (short) this.cluster.replicationFactor())
					.configs(Map.of("min.insync.replicas", String.valueOf(this.cluster.minInsyncReplicas())))))
				.all()
				.get(1, TimeUnit.MINUTES);
			// a broker may not have heard of the new topic yet: asked again until all
			// have
			await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> inSync(admin).size() == 3);
			send(producer, "before");

			KafkaBroker leader = this.cluster.broker(partition(admin).leader().id());
			long killedPid = leader.pid();
			leader.kill();
			assertThat(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive)).as("killed").isNotEqualTo(true);

			RecordMetadata written = send(producer, "while-one-is-down");
			assertThat(written.offset()).isEqualTo(1);
			await().atMost(Duration.ofMinutes(1))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(inSync(admin)).hasSize(2).doesNotContain(leader.nodeId()));

			this.cluster.restart(leader.nodeId());
			assertThat(leader.pid()).isNotEqualTo(killedPid);
			await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> inSync(admin).size() == 3);
			send(producer, "after");
		}
		assertThat(readAll()).containsExactly("before", "while-one-is-down", "after");

		// stopping leaves no broker running; whether the last ones stop within the grace
		// period (they may wait for a quorum that has gone) depends on the machine's load
		List<KafkaBroker> brokers = this.cluster.brokers();
		this.cluster.stop();
		assertThat(brokers).noneMatch(KafkaBroker::isAlive);
	}

	private KafkaProducer<String, String> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static RecordMetadata send(KafkaProducer<String, String> producer, String value) throws Exception {
		return producer.send(new ProducerRecord<>(TOPIC, 0, value, value)).get(2, TimeUnit.MINUTES);
	}

	private static TopicPartitionInfo partition(Admin admin) throws Exception {
		TopicDescription description = admin.describeTopics(List.of(TOPIC))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(TOPIC);
		return description.partitions().get(0);
	}

	private static Set<Integer> inSync(Admin admin) throws Exception {
		return partition(admin).isr().stream().map(Node::id).collect(Collectors.toSet());
	}

	private List<String> readAll() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<String> values = new java.util.ArrayList<>();
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
				return values.size() >= 3;
			});
			return values;
		}
	}

}
