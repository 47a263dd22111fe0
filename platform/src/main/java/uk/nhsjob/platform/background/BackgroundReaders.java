package uk.nhsjob.platform.background;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every background reader of the service, by name. A reader registers once and reports
 * through its {@link BackgroundReader}; each gets a gauge,
 * {@code nhsjob.background.unhealthy.seconds}, of how long it has not been caught up, and
 * a counter of its failed tries, {@code nhsjob.background.retries}.
 */
public class BackgroundReaders {

	private final Map<String, BackgroundReader> readers = new ConcurrentSkipListMap<>();

	private final Clock clock;

	private final MeterRegistry meters;

	private final BackgroundSettings settings;

	public BackgroundReaders(MeterRegistry meters) {
		this(meters, Clock.systemUTC(), BackgroundSettings.defaults());
	}

	public BackgroundReaders(MeterRegistry meters, Clock clock, BackgroundSettings settings) {
		this.meters = meters;
		this.clock = clock;
		this.settings = settings;
	}

	/** The reader of that name, registered on first use. */
	public BackgroundReader register(String name) {
		return this.readers.computeIfAbsent(name, (key) -> {
			BackgroundReader reader = new BackgroundReader(key, this.clock, this.meters);
			Gauge.builder("nhsjob.background.unhealthy.seconds", reader, (r) -> r.unhealthyFor().toMillis() / 1000.0)
				.description("How long a background reader has been behind or failing; 0 while it keeps up")
				.tag("reader", key)
				.register(this.meters);
			return reader;
		});
	}

	public List<BackgroundReader> all() {
		return List.copyOf(this.readers.values());
	}

	/**
	 * Logs each fault that has lasted another interval since it was last logged; called
	 * often by {@link FaultLog}.
	 */
	public void logFaults() {
		for (BackgroundReader reader : this.readers.values()) {
			reader.logFaultIfDue(this.settings.faultLogInterval());
		}
	}

	BackgroundSettings settings() {
		return this.settings;
	}

}
