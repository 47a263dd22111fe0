package uk.nhsjob.notifier.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;

/**
 * Counts the records on the dead-letter topics of what the notifier reads
 * ({@code notifier_dead_letters_total{topic=…}}), so an operator sees them arrive.
 */
@Component
class DeadLetterCounter {

	static final String METER = "notifier.dead.letters";

	private final MeterRegistry meters;

	DeadLetterCounter(MeterRegistry meters) {
		this.meters = meters;
		for (String topic : new String[] { Topics.ALERTS, Topics.PROFILES, Topics.VACANCIES }) {
			counter(Topics.deadLetterTopicOf(topic));
		}
	}

	@KafkaListener(
			topics = { Topics.ALERTS + Topics.DEAD_LETTER_SUFFIX, Topics.PROFILES + Topics.DEAD_LETTER_SUFFIX,
					Topics.VACANCIES + Topics.DEAD_LETTER_SUFFIX },
			groupId = "notifier-service.dead-letters",
			properties = { "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer" })
	void on(ConsumerRecord<String, byte[]> record) {
		counter(record.topic()).increment();
	}

	private Counter counter(String topic) {
		return Counter.builder(METER)
			.description("Records dead-lettered after the failure policy gave up on them")
			.tag("topic", topic)
			.register(this.meters);
	}

}
