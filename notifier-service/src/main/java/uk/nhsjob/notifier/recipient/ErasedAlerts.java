package uk.nhsjob.notifier.recipient;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The alerts erased lately, by id only (no address): a profile record that arrives after
 * an alert's tombstone, published late or replayed, must not bring its recipient back.
 * Kept in MongoDB ({@code erasedAlerts}), shared by every instance, for longer than the
 * profile topic keeps a tombstone ({@link ErasedAlertSettings}); MongoDB removes each
 * entry once it expires (a TTL index).
 */
@Component
class ErasedAlerts {

	private final MongoTemplate mongo;

	private final ErasedAlertSettings settings;

	private final Clock clock;

	ErasedAlerts(MongoTemplate mongo, ErasedAlertSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	void remember(String alertId) {
		Instant now = this.clock.instant();
		this.mongo.save(new ErasedAlert(alertId, now, now.plus(this.settings.retention())));
	}

	boolean isErased(String alertId) {
		return this.mongo.exists(query(where("_id").is(alertId)), ErasedAlert.class);
	}

	/**
	 * @param expiresAt when MongoDB may delete the entry
	 */
	@Document("erasedAlerts")
	record ErasedAlert(@Id String alertId, Instant erasedAt, @Indexed(expireAfter = "0s") Instant expiresAt) {
	}

}
