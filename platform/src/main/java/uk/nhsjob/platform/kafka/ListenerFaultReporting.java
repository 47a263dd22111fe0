package uk.nhsjob.platform.kafka;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * How a listener waits between its tries of a failing record, and who hears of it. The
 * listener's consumer is paused for the back-off rather than put to sleep, so it keeps
 * polling (nothing) and stays in its group however long a fault lasts
 * ({@code max.poll.interval.ms}). While a fault that passes keeps failing a record, the
 * listener's background reader ({@code listener <group>}, one per consumer of a listener
 * with several) reports it, so the {@code background} health group is DOWN; the first
 * record the consumer then handles reports it caught up again. The back-off runs on the
 * consumer's thread and so does the listener, so the consumer's thread says which reader
 * a success clears. Each pause counts in {@code nhsjob.listener.pauses} and its length in
 * {@code nhsjob.listener.paused.seconds}, by reader.
 */
public class ListenerFaultReporting implements BackOffHandler, RecordInterceptor<Object, Object>, DisposableBean {

	private final BackgroundReaders readers;

	private final MeterRegistry meters;

	private final ThreadPoolTaskScheduler scheduler;

	private final ListenerContainerPauseService pauses;

	private final ThreadLocal<@Nullable BackgroundReader> failing = new ThreadLocal<>();

	public ListenerFaultReporting(BackgroundReaders readers, MeterRegistry meters) {
		this.readers = readers;
		this.meters = meters;
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("kafka-back-off-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		// no registry: containers are paused by reference, never looked up by id
		this.pauses = new ListenerContainerPauseService(null, this.scheduler);
	}

	@Override
	public void onNextBackOff(@Nullable MessageListenerContainer container, Exception exception, long nextBackOff) {
		String name = readerName(container);
		if (TransientFaults.isTransient(exception)) {
			BackgroundReader reader = this.readers.register(name);
			reader.failed(exception);
			this.failing.set(reader);
		}
		if (container == null || !container.isPauseRequested()) {
			countPause(name, nextBackOff);
		}
		if (container != null) {
			this.pauses.pause(container, Duration.ofMillis(nextBackOff));
		}
		else {
			sleep(nextBackOff);
		}
	}

	private void countPause(String reader, long millis) {
		Counter.builder("nhsjob.listener.pauses")
			.description("Pauses of a listener's consumer between the tries of a failing record")
			.tag("reader", reader)
			.register(this.meters)
			.increment();
		Counter.builder("nhsjob.listener.paused.seconds")
			.description("Time a listener's consumer was paused between the tries of a failing record")
			.tag("reader", reader)
			.register(this.meters)
			.increment(millis / 1000.0);
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		return record;
	}

	@Override
	public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		BackgroundReader reader = this.failing.get();
		if (reader != null) {
			reader.caughtUp();
			this.failing.remove();
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

	/** The listener's group, and which of its consumers when it has several. */
	static String readerName(@Nullable MessageListenerContainer container) {
		if (container == null) {
			return "listener";
		}
		String name = "listener " + container.getGroupId();
		String id = container.getListenerId();
		int dash = (id != null) ? id.lastIndexOf('-') : -1;
		if (dash > 0 && dash < id.length() - 1 && id.substring(dash + 1).chars().allMatch(Character::isDigit)) {
			name += " #" + id.substring(dash + 1);
		}
		return name;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
