package uk.nhsjob.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;

import uk.nhsjob.common.match.AlertMatch;

/**
 * Publishes records as another service would: plain JSON from a Jackson mapper of its
 * own, no type headers; a null event is a tombstone.
 */
public class EventPublisher implements DisposableBean {

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	public EventPublisher(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	public void publish(String topic, String key, @Nullable Object event) {
		byte[] value = null;
		if (event instanceof AlertMatch match) {
			value = this.json.writerFor(AlertMatch.class).writeValueAsBytes(match);
		}
		else if (event != null) {
			value = this.json.writeValueAsBytes(event);
		}
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not publish to " + topic, ex);
		}
	}

	/**
	 * The partition a record of that key goes to, as the producer's own partitioner picks
	 * it.
	 */
	public int partitionOf(String topic, String key) {
		int partitions = this.producer.partitionsFor(topic).size();
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
