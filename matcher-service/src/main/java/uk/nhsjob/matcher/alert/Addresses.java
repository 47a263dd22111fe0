package uk.nhsjob.matcher.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What is held per email address, in one document each: how many live alerts it has, and
 * when its recent confirmation emails were asked for. Every change is one conditional
 * update, so the limits hold under concurrent requests without transactions. The document
 * goes when the address's last alert is erased.
 */
@Component
class Addresses {

	static final String COLLECTION = "addresses";

	private static final Duration RATE_WINDOW = Duration.ofHours(1);

	private static final String LIVE_ALERTS = "liveAlerts";

	private static final String CONFIRMATIONS = "confirmationsAskedAt";

	private static final String REVISION = "revision";

	private final MongoOperations mongo;

	Addresses(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Takes one of the address's alert places.
	 * @throws TooManyAlerts when all are taken
	 */
	void reserveAlert(String email, int limit) {
		ensureExists(email);
		Query free = Query.query(where("_id").is(email).and(LIVE_ALERTS).lt(limit));
		if (this.mongo.updateFirst(free, new Update().inc(LIVE_ALERTS, 1), COLLECTION).getMatchedCount() == 0) {
			throw new TooManyAlerts(limit);
		}
	}

	/** Gives back a place: an alert stopped being live. */
	void releaseAlert(String email) {
		Query taken = Query.query(where("_id").is(email).and(LIVE_ALERTS).gt(0));
		this.mongo.updateFirst(taken, new Update().inc(LIVE_ALERTS, -1), COLLECTION);
	}

	/**
	 * Records a confirmation email for the address, unless it has had its fill in the
	 * last hour. Times older than that are pruned here, as no TTL index is at hand.
	 * @return whether the email may go out
	 */
	boolean allowConfirmationEmail(String email, int perHour, Instant now) {
		ensureExists(email);
		while (true) {
			Document address = this.mongo.findById(email, Document.class, COLLECTION);
			if (address == null) {
				ensureExists(email);
				continue;
			}
			List<Instant> recent = new ArrayList<>();
			for (Object asked : address.getList(CONFIRMATIONS, Object.class, List.of())) {
				Instant at = (asked instanceof java.util.Date date) ? date.toInstant() : (Instant) asked;
				if (at.isAfter(now.minus(RATE_WINDOW))) {
					recent.add(at);
				}
			}
			boolean allowed = recent.size() < perHour;
			if (allowed) {
				recent.add(now);
			}
			long revision = address.get(REVISION, Number.class).longValue();
			Query unchanged = Query.query(where("_id").is(email).and(REVISION).is(revision));
			Update update = new Update().set(CONFIRMATIONS, recent).inc(REVISION, 1);
			if (this.mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1) {
				return allowed;
			}
			// changed meanwhile by another request for the same address: read it again
		}
	}

	/**
	 * The addresses that may have no alert left: no live alert counted, no confirmation
	 * email asked for since the cutoff, and written to since their creation (a record
	 * just made by a request under way has revision 0).
	 */
	Stream<String> quietWithoutLiveAlerts(Instant cutoff) {
		Query quiet = quiet(cutoff);
		quiet.fields().include("_id");
		return this.mongo.stream(quiet, Document.class, COLLECTION).map((address) -> address.getString("_id"));
	}

	/**
	 * Forgets an address that has no alert left, unless a live alert was counted or a
	 * confirmation asked for meanwhile: one conditional delete.
	 * @return whether it was forgotten
	 */
	boolean forgetIfQuiet(String email, Instant cutoff) {
		return this.mongo.remove(quiet(cutoff).addCriteria(where("_id").is(email)), COLLECTION).getDeletedCount() == 1;
	}

	private static Query quiet(Instant cutoff) {
		return Query
			.query(where(LIVE_ALERTS).lte(0).and(REVISION).gt(0).and(CONFIRMATIONS).not().gt(Date.from(cutoff)));
	}

	/** Forgets the address: its counter and its confirmation times. */
	void forget(String email) {
		this.mongo.remove(Query.query(where("_id").is(email)), COLLECTION);
	}

	private void ensureExists(String email) {
		Update fresh = new Update().setOnInsert(LIVE_ALERTS, 0)
			.setOnInsert(CONFIRMATIONS, List.of())
			.setOnInsert(REVISION, 0L);
		try {
			this.mongo.upsert(Query.query(where("_id").is(email)), fresh, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// created meanwhile by a concurrent request
		}
	}

}
