package uk.nhsjob.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * How Spring Kafka names a record in its log lines: by where it is, never by what it
 * holds (docs/operations.md, "Logs"). A profile record's value holds an address and links
 * with tokens, so a consumer record is written as {@code topic-partition@offset}, a
 * record being sent as {@code topic} (with {@code -partition} when it has one), and a
 * failed send is logged without its key and value ({@link #producerListener()}).
 */
public final class KafkaRecordLogging {

	private KafkaRecordLogging() {
	}

	/**
	 * Sets Spring Kafka's record formatters for the whole JVM (they are static there);
	 * the same formatters every time, so calling it again changes nothing.
	 */
	public static void install() {
		KafkaUtils.setConsumerRecordFormatter(KafkaRecordLogging::describe);
		KafkaUtils.setProducerRecordFormatter(KafkaRecordLogging::describe);
	}

	static String describe(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

	static String describe(ProducerRecord<?, ?> record) {
		return (record.partition() != null) ? record.topic() + "-" + record.partition() : record.topic();
	}

	/**
	 * Spring Kafka's logging listener, which logs a failed send at {@code ERROR}, without
	 * the record's key and value (by default it quotes the start of both).
	 */
	public static <K, V> ProducerListener<K, V> producerListener() {
		LoggingProducerListener<K, V> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

}
