package uk.nhsjob.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain producer loop beside Kafka's own ProducerPerformance: the same number of
 * records of the same size, keyed like vacancies, {@code acks=all}, each acknowledged,
 * all futures awaited at the end. Idempotence is off: on the in-JVM test broker a fresh
 * topic answered an idempotent producer with {@code OutOfOrderSequenceException}.
 */
final class RawProducer {

	private RawProducer() {
	}

	static Run send(String bootstrapServers, String topic, int partitions, int records, int recordSize)
			throws InterruptedException, ExecutionException {
		FreshTopic.create(bootstrapServers, topic, partitions);
		byte[] value = new byte[recordSize];
		new Random(42).nextBytes(value);
		Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
			producer.partitionsFor(topic);
			long started = System.nanoTime();
			List<Future<RecordMetadata>> sends = new ArrayList<>(records);
			for (int i = 0; i < records; i++) {
				sends.add(producer.send(new ProducerRecord<>(topic, "raw:BENCH-" + i, value)));
			}
			for (Future<RecordMetadata> send : sends) {
				send.get();
			}
			return new Run(System.nanoTime() - started);
		}
	}

	record Run(long nanos) {
	}

}
