package uk.nhsjob.notifier.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;

/**
 * Reads the dead-letter topics of what the notifier reads, as raw bytes, to count them.
 */
@Component
class DeadLetterListener {

	private final DeadLetterCounter counter;

	DeadLetterListener(DeadLetterCounter counter) {
		this.counter = counter;
	}

	@KafkaListener(
			topics = { Topics.ALERTS + Topics.DEAD_LETTER_SUFFIX, Topics.PROFILES + Topics.DEAD_LETTER_SUFFIX,
					Topics.VACANCIES + Topics.DEAD_LETTER_SUFFIX, Topics.NOTICES + Topics.DEAD_LETTER_SUFFIX },
			groupId = "notifier-service.dead-letters",
			properties = { "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer" })
	void on(ConsumerRecord<String, byte[]> record) {
		this.counter.count(record.topic());
	}

}
