package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.profile.AlertProfileChanged;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * On the first start with profile schema version 2, puts every alert back in its outbox,
 * so that the relay republishes each profile with its criteria and no version-1 record is
 * an alert's latest; then records when that is complete, which the matching waits for
 * (docs/matching.md, "Republishing on schema version 2"). Done once for all instances in
 * the document {@value #ID} of {@value #COLLECTION}: whichever instance starts or runs
 * takes the next step ({@link #advance}); every step is idempotent or a conditional
 * write, so two instances at once, or a crash between steps, only repeat one.
 */
@Component
public class ProfileRepublication {

	static final String COLLECTION = "matcher_migrations";

	static final String ID = "profiles-schema-" + AlertProfileChanged.SCHEMA_VERSION;

	private static final Logger log = LoggerFactory.getLogger(ProfileRepublication.class);

	private final MongoOperations mongo;

	private final Clock clock;

	/** The real time: the completion is compared with the broker's append times. */
	private final Clock brokerClock = Clock.systemUTC();

	ProfileRepublication(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		advanceOrLog();
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void onSchedule() {
		advanceOrLog();
	}

	private void advanceOrLog() {
		try {
			advance();
		}
		catch (RuntimeException ex) {
			log.warn("Republication of the profiles not advanced yet; tried again shortly: {}", ex.toString());
		}
	}

	/**
	 * Takes the republication's next step, if any: marks every alert for publication
	 * (once marked, {@code markedAt} is set), then, once no alert is pending publication
	 * any more, records the time after the last acknowledgement as {@code completedAt}.
	 * @return whether the republication is complete
	 */
	boolean advance() {
		Document migration = this.mongo.findById(ID, Document.class, COLLECTION);
		if (migration != null && migration.get("completedAt") != null) {
			return true;
		}
		if (migration == null || migration.get("markedAt") == null) {
			long marked = this.mongo
				.updateMulti(Query.query(where("pendingPublication").is(false)),
						Update.update("pendingPublication", true), "alerts")
				.getModifiedCount();
			this.mongo.upsert(Query.query(where("_id").is(ID)),
					// two instances marking at once: the one that marked them counts
					Update.update("markedAt", Date.from(this.clock.instant())).max("alertsMarked", marked), COLLECTION);
			log.info("Every alert's profile marked for republication with schema version {}: {} alerts",
					AlertProfileChanged.SCHEMA_VERSION, marked);
		}
		if (this.mongo.exists(Query.query(where("pendingPublication").is(true)), "alerts")) {
			return false;
		}
		// every marked alert's record was acknowledged before its outbox was emptied,
		// so before now
		Date completedAt = Date.from(this.brokerClock.instant());
		this.mongo.updateFirst(Query.query(where("_id").is(ID).and("completedAt").is(null)),
				Update.update("completedAt", completedAt), COLLECTION);
		log.info("Republication of every alert's profile with schema version {} complete",
				AlertProfileChanged.SCHEMA_VERSION);
		return true;
	}

	/**
	 * When the republication was complete, in the real time of the instance that saw it
	 * so: every alert's latest profile record was appended before it (within the
	 * clock-skew allowance); empty while it is not.
	 */
	public Optional<Instant> completedAt() {
		Document migration = this.mongo.findById(ID, Document.class, COLLECTION);
		@Nullable Date completedAt = (migration != null) ? migration.get("completedAt", Date.class) : null;
		return Optional.ofNullable(completedAt).map(Date::toInstant);
	}

}
