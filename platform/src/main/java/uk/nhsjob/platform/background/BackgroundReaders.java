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
 * {@code nhsjob.background.unhealthy.seconds}, of how long it has not been caught up.
 */
public class BackgroundReaders {

	private final Map<String, BackgroundReader> readers = new ConcurrentSkipListMap<>();

	private final Clock clock;

	private final MeterRegistry meters;

	public BackgroundReaders(MeterRegistry meters) {
		this(meters, Clock.systemUTC());
	}

	BackgroundReaders(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	/** The reader of that name, registered on first use. */
	public BackgroundReader register(String name) {
		return this.readers.computeIfAbsent(name, (key) -> {
			BackgroundReader reader = new BackgroundReader(key, this.clock);
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

}
