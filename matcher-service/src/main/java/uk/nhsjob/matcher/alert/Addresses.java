package uk.nhsjob.matcher.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.AlertStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What is held per email address, in one document each: how many confirmed alerts
 * ({@code ACTIVE} or {@code PAUSED}) it has, when its recent emails about alerts
 * (confirmations, manage links, "you have ten") were asked for, and the random handle its
 * "my alerts" link names it by. Every change is one conditional update, so the limits
 * hold under concurrent requests without transactions (docs/alerts.md, "How many
 * alerts"). The document goes when the address's last alert is erased.
 */
@Component
class Addresses {

	static final String COLLECTION = "addresses";

	private static final Duration RATE_WINDOW = Duration.ofHours(1);

	private static final String CONFIRMED_ALERTS = "confirmedAlerts";

	/** Counted every live alert, pending ones too, before only confirmed ones counted. */
	private static final String LIVE_ALERTS = "liveAlerts";

	private static final String HANDLE = "handle";

	private static final String CONFIRMATIONS = "confirmationsAskedAt";

	private static final String REVISION = "revision";

	private final MongoOperations mongo;

	private volatile boolean handleIndexed;

	Addresses(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Takes one of the address's places for confirmed alerts.
	 * @throws TooManyAlerts when all are taken
	 */
	void reserveConfirmed(String email, int limit) {
		Query free = Query.query(where("_id").is(email).and(CONFIRMED_ALERTS).lt(limit));
		for (int attempt = 0; attempt < 2; attempt++) {
			// made again if the retention sweep forgot a quiet record meanwhile
			ensureExists(email);
			if (this.mongo.updateFirst(free, new Update().inc(CONFIRMED_ALERTS, 1), COLLECTION)
				.getMatchedCount() == 1) {
				return;
			}
			if (this.mongo.exists(Query.query(where("_id").is(email)), COLLECTION)) {
				break;
			}
		}
		throw new TooManyAlerts(limit);
	}

	/** Whether the address has as many confirmed alerts as it may. */
	boolean isFull(String email, int limit) {
		ensureExists(email);
		Document address = this.mongo.findById(email, Document.class, COLLECTION);
		return address != null && address.get(CONFIRMED_ALERTS, Number.class).intValue() >= limit;
	}

	/** Gives back a place: a confirmed alert stopped being confirmed. */
	void releaseConfirmed(String email) {
		Query taken = Query.query(where("_id").is(email).and(CONFIRMED_ALERTS).gt(0));
		this.mongo.updateFirst(taken, new Update().inc(CONFIRMED_ALERTS, -1), COLLECTION);
	}

	/**
	 * The random handle a "my alerts" link names the address by, so that the address is
	 * never in a URL.
	 */
	String handleOf(String email) {
		if (!this.handleIndexed) {
			this.mongo.indexOps(COLLECTION).createIndex(new Index().on(HANDLE, Sort.Direction.ASC).sparse());
			this.handleIndexed = true;
		}
		ensureExists(email);
		Query withoutHandle = Query.query(where("_id").is(email).and(HANDLE).exists(false));
		this.mongo.updateFirst(withoutHandle, Update.update(HANDLE, UUID.randomUUID().toString()), COLLECTION);
		Document address = this.mongo.findById(email, Document.class, COLLECTION);
		if (address == null) {
			// forgotten meanwhile: the address's last alert was erased
			return handleOf(email);
		}
		return address.getString(HANDLE);
	}

	/** The address a "my alerts" handle names, while it is held. */
	Optional<String> addressOf(String handle) {
		Document address = this.mongo.findOne(Query.query(where(HANDLE).is(handle)), Document.class, COLLECTION);
		return Optional.ofNullable(address).map((found) -> found.getString("_id"));
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
			.query(where(CONFIRMED_ALERTS).lte(0).and(REVISION).gt(0).and(CONFIRMATIONS).not().gt(Date.from(cutoff)));
	}

	/**
	 * Forgets an address that has no alert: one that was only asked about (a manage link
	 * for an address we do not know) leaves nothing behind.
	 */
	void forgetIfUnused(String email) {
		if (!this.mongo.exists(Query.query(where("email").is(email)), "alerts")) {
			this.mongo.remove(Query.query(where("_id").is(email).and(CONFIRMED_ALERTS).is(0)), COLLECTION);
		}
	}

	/** Forgets the address: its counter and its confirmation times. */
	void forget(String email) {
		this.mongo.remove(Query.query(where("_id").is(email)), COLLECTION);
	}

	private void ensureExists(String email) {
		Update fresh = new Update().setOnInsert(CONFIRMED_ALERTS, 0)
			.setOnInsert(CONFIRMATIONS, List.of())
			.setOnInsert(REVISION, 0L);
		try {
			this.mongo.upsert(Query.query(where("_id").is(email)), fresh, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// created meanwhile by a concurrent request
		}
		// a document from before only confirmed alerts counted: count them once
		Query uncounted = Query.query(where("_id").is(email).and(CONFIRMED_ALERTS).exists(false));
		if (this.mongo.exists(uncounted, COLLECTION)) {
			long confirmed = this.mongo.count(Query.query(where("email").is(email)
				.and("erasing")
				.ne(true)
				.and("status")
				.in(AlertStatus.ACTIVE.name(), AlertStatus.PAUSED.name())), "alerts");
			this.mongo.updateFirst(uncounted, new Update().set(CONFIRMED_ALERTS, confirmed).unset(LIVE_ALERTS),
					COLLECTION);
		}
	}

}
