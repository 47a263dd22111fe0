package uk.nhsjob.matcher;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import uk.nhsjob.common.Topics;

/**
 * A fault for a matcher in a child JVM: halts the JVM, as {@code kill -9} would, on its
 * n-th send to the alerts topic, so inside a transaction with matches already sent and
 * none of them committed. Set with {@code -Dnhsjob.test.halt-on-send=n}.
 */
public class HaltOnSend implements ProducerInterceptor<Object, Object> {

	static final String PROPERTY = "nhsjob.test.halt-on-send";

	private static final AtomicInteger sent = new AtomicInteger();

	private final int haltOn = Integer.getInteger(PROPERTY, 0);

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		if (this.haltOn > 0 && Topics.ALERTS.equals(record.topic()) && sent.incrementAndGet() == this.haltOn) {
			System.out.println("HaltOnSend: halting on send " + this.haltOn);
			System.out.flush();
			Runtime.getRuntime().halt(137);
		}
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
