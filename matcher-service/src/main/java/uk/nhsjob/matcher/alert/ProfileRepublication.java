package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.profile.AlertProfileChanged;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * On the first start with profile schema version 2, puts every alert back in its outbox,
 * so that the relay republishes each profile with its criteria and no version-1 record is
 * an alert's latest (docs/matching.md, "Several instances"). Done once for all instances:
 * the collection {@value #COLLECTION} remembers it. Marking is idempotent, so two
 * instances starting at once, or a crash before the mark is remembered, only mark again.
 */
@Component
class ProfileRepublication {

	static final String COLLECTION = "matcher_migrations";

	static final String ID = "profiles-schema-" + AlertProfileChanged.SCHEMA_VERSION;

	private static final Logger log = LoggerFactory.getLogger(ProfileRepublication.class);

	private final MongoOperations mongo;

	private final Clock clock;

	ProfileRepublication(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		try {
			republishIfNotDone();
		}
		catch (RuntimeException ex) {
			log.warn("Profiles not marked for republication yet; the next start tries again: {}", ex.toString());
		}
	}

	/**
	 * @return whether it marked the alerts now
	 */
	boolean republishIfNotDone() {
		if (this.mongo.exists(Query.query(where("_id").is(ID)), COLLECTION)) {
			return false;
		}
		long marked = this.mongo
			.updateMulti(Query.query(where("pendingPublication").is(false)), Update.update("pendingPublication", true),
					"alerts")
			.getModifiedCount();
		this.mongo.upsert(Query.query(where("_id").is(ID)),
				Update.update("doneAt", Date.from(this.clock.instant())).set("alertsMarked", marked), COLLECTION);
		log.info("Every alert's profile marked for republication with schema version {}: {} alerts",
				AlertProfileChanged.SCHEMA_VERSION, marked);
		return true;
	}

}
