package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.background.Dependency;

/**
 * Registers each listener's consumer as a background reader and says whether it can reach
 * the brokers: a consumer that has lost them polls nothing and fails nothing, so only its
 * connections tell (the client's {@code connection-count}). Behind while it has none,
 * caught up again once it has; a record failing with a fault that passes is reported by
 * {@link ListenerFaultReporting}, and left to it.
 */
public class ListenerWatch implements SmartLifecycle {

	static final String NO_BROKERS = "no connection to the Kafka brokers";

	private static final Duration INTERVAL = Duration.ofSeconds(2);

	private final KafkaListenerEndpointRegistry registry;

	private final BackgroundReaders readers;

	private @Nullable ScheduledExecutorService executor;

	public ListenerWatch(KafkaListenerEndpointRegistry registry, BackgroundReaders readers) {
		this.registry = registry;
		this.readers = readers;
	}

	/** Looks at every consumer once. */
	void check() {
		for (MessageListenerContainer consumer : consumers()) {
			if (!consumer.isRunning()) {
				continue;
			}
			BackgroundReader reader = this.readers.register(ListenerFaultReporting.readerName(consumer));
			if (connections(consumer) == 0) {
				reader.behind(NO_BROKERS, Dependency.KAFKA);
			}
			else if (reader.state() == BackgroundReader.State.STARTING
					|| (reader.state() == BackgroundReader.State.BEHIND && NO_BROKERS.equals(reader.reason()))) {
				reader.caughtUp();
			}
		}
	}

	private List<MessageListenerContainer> consumers() {
		List<MessageListenerContainer> consumers = new ArrayList<>();
		for (MessageListenerContainer container : this.registry.getAllListenerContainers()) {
			if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
				consumers.addAll(concurrent.getContainers());
			}
			else {
				consumers.add(container);
			}
		}
		return consumers;
	}

	private static double connections(MessageListenerContainer consumer) {
		double connections = 0;
		for (Map<MetricName, ? extends Metric> metrics : consumer.metrics().values()) {
			for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
				if (metric.getKey().name().equals("connection-count")
						&& metric.getKey().group().equals("consumer-metrics")
						&& metric.getValue().metricValue() instanceof Number count) {
					connections += count.doubleValue();
				}
			}
		}
		return connections;
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "kafka-listener-watch");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::checkQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	private void checkQuietly() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			// a container stopping meanwhile; the next check sees it as it is
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
