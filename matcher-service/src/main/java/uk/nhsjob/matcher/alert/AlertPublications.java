package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the instances share about publishing each alert, in the collection
 * {@value #COLLECTION}, one document per alert, apart from the alert's own document
 * (which a candidate's change replaces whole): the publish lease, the moment the alert is
 * matched from and the welcome-set claim (docs/matching.md, "Several instances"). Every
 * write is a single-document conditional update.
 */
@Component
public class AlertPublications {

	static final String COLLECTION = "alert_publications";

	private final MongoOperations mongo;

	private final Clock clock;

	/** This instance, as the holder of a lease. */
	private final String holder = UUID.randomUUID().toString();

	AlertPublications(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Takes the alert's publish lease, if nobody holds it.
	 * @return when it expires, or null when another instance holds it
	 */
	@Nullable Instant takeLease(String alertId, Duration length) {
		Instant now = this.clock.instant();
		Instant until = now.plus(length);
		Query free = Query.query(where("_id").is(alertId)
			.orOperator(where("leaseUntil").exists(false), where("leaseUntil").lt(Date.from(now))));
		Update take = Update.update("leaseUntil", Date.from(until)).set("leaseHolder", this.holder);
		if (this.mongo.updateFirst(free, take, COLLECTION).getModifiedCount() == 1) {
			return until;
		}
		try {
			this.mongo.insert(new Document("_id", alertId).append("leaseUntil", Date.from(until))
				.append("leaseHolder", this.holder), COLLECTION);
			return until;
		}
		catch (DuplicateKeyException ex) {
			return null;
		}
	}

	/**
	 * Lengthens a lease this instance holds and that has not expired.
	 * @return its new expiry, or null when it is lost
	 */
	@Nullable Instant renewLease(String alertId, Duration length) {
		Instant now = this.clock.instant();
		Instant until = now.plus(length);
		Query held = Query
			.query(where("_id").is(alertId).and("leaseHolder").is(this.holder).and("leaseUntil").gt(Date.from(now)));
		return (this.mongo.updateFirst(held, Update.update("leaseUntil", Date.from(until)), COLLECTION)
			.getModifiedCount() == 1) ? until : null;
	}

	void releaseLease(String alertId) {
		this.mongo.updateFirst(Query.query(where("_id").is(alertId).and("leaseHolder").is(this.holder)),
				new Update().unset("leaseUntil").unset("leaseHolder"), COLLECTION);
	}

	/**
	 * The moment the alert is matched from, if it was stored for this activation: the
	 * append time of the profile record that activated it or last changed its criteria.
	 */
	public @Nullable Instant matchingSince(String alertId, int activation) {
		Document held = this.mongo.findOne(Query.query(where("_id").is(alertId).and("activation").is(activation)),
				Document.class, COLLECTION);
		Date since = (held != null) ? held.getDate("matchingSince") : null;
		return (since != null) ? since.toInstant() : null;
	}

	/** Stores the moment, unless one is stored for this activation already. */
	void storeMatchingSince(String alertId, int activation, Instant appendedAt) {
		Query notYet = Query.query(where("_id").is(alertId)
			.orOperator(where("activation").ne(activation), where("matchingSince").exists(false)));
		try {
			this.mongo.upsert(notYet,
					Update.update("activation", activation).set("matchingSince", Date.from(appendedAt)), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// stored for this activation already: the first stands
		}
	}

	/**
	 * Claims the alert's welcome set for a while, so that two instances do not both build
	 * it.
	 * @return whether this instance has it
	 */
	boolean claimWelcomeSet(String alertId, Duration length) {
		Instant now = this.clock.instant();
		Query free = Query.query(where("_id").is(alertId)
			.orOperator(where("welcomeSetClaimedUntil").exists(false),
					where("welcomeSetClaimedUntil").lt(Date.from(now))));
		return this.mongo
			.updateFirst(free, Update.update("welcomeSetClaimedUntil", Date.from(now.plus(length))), COLLECTION)
			.getModifiedCount() == 1;
	}

	void releaseWelcomeSet(String alertId) {
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)), new Update().unset("welcomeSetClaimedUntil"),
				COLLECTION);
	}

	/** Forgets the alert, once erased. */
	void forget(String alertId) {
		this.mongo.remove(Query.query(where("_id").is(alertId)), COLLECTION);
	}

}
