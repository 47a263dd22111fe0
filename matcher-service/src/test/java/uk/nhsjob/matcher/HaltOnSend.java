package uk.nhsjob.matcher;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.VacancyMatched;

/**
 * A fault for a matcher in a child JVM: halts the JVM, as {@code kill -9} would, inside
 * the transaction of the n-th vacancy it sends matches for, once the broker has written
 * that vacancy's first match, uncommitted, to the alerts topic. Set with
 * {@code -Dnhsjob.test.halt-in-vacancy=n}. The vacancies are counted across the JVM; the
 * last vacancy and whether to halt are kept per producer (Kafka makes an interceptor per
 * producer, and each matching thread has a producer of its own), so threads matching side
 * by side do not disarm each other.
 */
public class HaltOnSend implements ProducerInterceptor<Object, Object> {

	static final String PROPERTY = "nhsjob.test.halt-in-vacancy";

	private static final AtomicInteger vacancies = new AtomicInteger();

	private volatile String lastVacancyId = "";

	private volatile boolean armed;

	private final int haltInVacancy = Integer.getInteger(PROPERTY, 0);

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		if (this.haltInVacancy > 0 && record.value() instanceof VacancyMatched match
				&& !match.vacancy().vacancyId().equals(lastVacancyId)) {
			this.lastVacancyId = match.vacancy().vacancyId();
			this.armed = vacancies.incrementAndGet() == this.haltInVacancy;
		}
		return record;
	}

	/** The transaction's earlier records were all acknowledged before it committed. */
	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
		if (this.armed && exception == null && metadata != null && Topics.ALERTS.equals(metadata.topic())) {
			System.out.println("HaltOnSend: halting in the transaction of " + this.lastVacancyId + " after "
					+ metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset());
			System.out.flush();
			Runtime.getRuntime().halt(137);
		}
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
