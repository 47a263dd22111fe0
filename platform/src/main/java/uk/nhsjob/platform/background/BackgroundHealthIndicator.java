package uk.nhsjob.platform.background;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code backgroundReaders}: UP while every background reader has caught up, DOWN while
 * one is starting, behind or failing, with each reader's state, for how long, the
 * dependency holding it up and why as details. It is the only member of the
 * {@code background} group, never of readiness: the HTTP side keeps answering while a
 * reader waits out a fault.
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
				state += " for " + reader.unhealthyFor().toSeconds() + " s" + cause(reader);
			}
			details.put(reader.name(), state);
		}
		return details;
	}

	/**
	 * {@code : MongoDB (MongoTimeoutException)}, or only the reason when no dependency is
	 * named.
	 */
	private static String cause(BackgroundReader reader) {
		Dependency dependency = reader.dependency();
		String reason = reader.reason();
		String named = (dependency != null && dependency != Dependency.OTHER) ? ": " + dependency.label() : "";
		return named + ((reason != null) ? " (" + reason + ")" : "");
	}

}
