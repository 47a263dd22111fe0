package uk.nhsjob.platform.mongo;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Up when MongoDB answers a {@code ping}. Stands in for Boot's indicator, whose
 * {@code hello} command the MongoDB-wire server of the local stack and the tests
 * (mongo-java-server) does not know, so that readiness would never be reached there.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	public MongoPingHealthIndicator(MongoOperations mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		Object ok = answer.get("ok");
		if (ok instanceof Number number && number.doubleValue() == 1.0) {
			builder.up();
		}
		else {
			builder.down().withDetail("answer", answer.toJson());
		}
	}

}
