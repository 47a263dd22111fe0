package uk.nhsjob.platform.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoOperations;

import uk.nhsjob.platform.background.Dependency;

/**
 * Up when MongoDB answers a {@code ping} within 3 s. Stands in for Boot's indicator,
 * whose {@code hello} command the MongoDB-wire server of the local stack and the tests
 * (mongo-java-server) does not know, so that readiness would never be reached there.
 * While down its details name the dependency, since when it has been down and the kind of
 * failure: never the failure's message, which names the servers (docs/operations.md,
 * "Health").
 */
public class MongoPingHealthIndicator implements HealthIndicator {

	/**
	 * Rather than the driver's 30 s of server selection: a probe wants its answer soon.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final MongoOperations mongo;

	private final Clock clock;

	private final Duration timeout;

	private final AtomicReference<@Nullable Instant> downSince = new AtomicReference<>();

	public MongoPingHealthIndicator(MongoOperations mongo, Clock clock) {
		this(mongo, clock, TIMEOUT);
	}

	MongoPingHealthIndicator(MongoOperations mongo, Clock clock, Duration timeout) {
		this.mongo = mongo;
		this.clock = clock;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		String failure;
		try {
			Document answer = this.mongo
				.execute((database) -> database.withTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
					.runCommand(new Document("ping", 1)));
			Object ok = (answer != null) ? answer.get("ok") : null;
			if (ok instanceof Number number && number.doubleValue() == 1.0) {
				this.downSince.set(null);
				return Health.up().build();
			}
			failure = "ping not answered ok";
		}
		catch (RuntimeException ex) {
			failure = Dependency.kindOf(ex);
		}
		Instant now = this.clock.instant();
		Instant since = this.downSince.updateAndGet((before) -> (before != null) ? before : now);
		return Health.down()
			.withDetail("dependency", Dependency.MONGODB.label())
			.withDetail("downSince", since.truncatedTo(ChronoUnit.SECONDS).toString())
			.withDetail("error", failure)
			.build();
	}

}
