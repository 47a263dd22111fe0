package uk.nhsjob.notifier.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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
		for (String topic : new String[] { Topics.ALERTS, Topics.PROFILES, Topics.VACANCIES, Topics.NOTICES }) {
			counter(Topics.deadLetterTopicOf(topic));
		}
	}

	void count(String deadLetterTopic) {
		counter(deadLetterTopic).increment();
	}

	private Counter counter(String topic) {
		return Counter.builder(METER)
			.description("Records dead-lettered after the failure policy gave up on them")
			.tag("topic", topic)
			.register(this.meters);
	}

}
