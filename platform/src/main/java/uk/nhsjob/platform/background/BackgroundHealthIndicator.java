package uk.nhsjob.platform.background;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code backgroundReaders}: UP while every background reader has caught up, DOWN while
 * one is starting, behind or failing, with each reader's state and for how long as
 * details. It is the only member of the {@code background} group, never of readiness: the
 * HTTP side keeps answering while a reader waits out a fault.
 */
public class BackgroundHealthIndicator extends AbstractHealthIndicator {

	private final BackgroundReaders readers;

	public BackgroundHealthIndicator(BackgroundReaders readers) {
		super("Background readers health check failed");
		this.readers = readers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean healthy = this.readers.all().stream().allMatch(BackgroundReader::isHealthy);
		(healthy ? builder.up() : builder.down()).withDetails(details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		for (BackgroundReader reader : this.readers.all()) {
			String state = reader.state().name();
			if (!reader.isHealthy()) {
				state += " for " + reader.unhealthyFor().toSeconds() + " s"
						+ ((reader.reason() != null) ? " (" + reader.reason() + ")" : "");
			}
			details.put(reader.name(), state);
		}
		return details;
	}

}
