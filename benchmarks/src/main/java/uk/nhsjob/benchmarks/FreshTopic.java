package uk.nhsjob.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A new topic for a producer run, ready to take records: created, then one probe record
 * sent to each partition and acknowledged. Without the probes, a run that starts while
 * the broker is still electing the new partitions' leaders can lose records
 * ({@code NOT_LEADER_OR_FOLLOWER}, then out-of-order sequences for an idempotent
 * producer) and wait out the delivery timeout.
 */
final class FreshTopic {

	private FreshTopic() {
	}

	static void create(String bootstrapServers, String topic, int partitions)
			throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
		Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<byte[], byte[]> probe = new KafkaProducer<>(settings)) {
			for (int partition = 0; partition < partitions; partition++) {
				probe.send(new ProducerRecord<>(topic, partition, null, new byte[] { 0 })).get();
			}
		}
	}

}
