package uk.nhsjob.matcher.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Counters in fixed windows, shared by every instance: one document per (limit, key,
 * window start) in {@value #COLLECTION}, counted up by one {@code findAndModify} with an
 * upsert that returns the new count, so concurrent requests on any instance never both
 * take the last place. A TTL index on {@code expiresAt} removes a window's document once
 * it has ended.
 */
@Component
class FixedWindowCounters {

	static final String COLLECTION = "rateLimitWindows";

	private static final String COUNT = "count";

	private static final String EXPIRES_AT = "expiresAt";

	private final MongoOperations mongo;

	private final Clock clock;

	private volatile boolean indexed;

	FixedWindowCounters(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Counts one more for the key in the window now, refusing it when that passes the
	 * limit.
	 * @param limit the limit's name
	 * @param key whose count: a client's keyed hash, or the same for everyone
	 * @throws LimitReached when the window already holds {@code max}
	 */
	void take(String limit, String key, int max, Duration window) {
		ensureIndexed();
		Instant now = this.clock.instant();
		long windowMillis = window.toMillis();
		Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
		Instant end = start.plus(window);
		String id = limit + ":" + key + ":" + start.toEpochMilli();
		if (countUp(id, end) > max) {
			throw new LimitReached(limit, Duration.between(now, end));
		}
	}

	private long countUp(String id, Instant end) {
		Query window = Query.query(where("_id").is(id));
		Update update = new Update().inc(COUNT, 1).setOnInsert(EXPIRES_AT, Date.from(end));
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		Document counted;
		try {
			counted = this.mongo.findAndModify(window, update, options, Document.class, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// two first requests of a window upserted at once: the document is there now
			counted = this.mongo.findAndModify(window, update, options, Document.class, COLLECTION);
		}
		return (counted != null) ? counted.get(COUNT, Number.class).longValue() : 1;
	}

	/**
	 * Once per instance, on first use, so that a database away at start-up holds up
	 * nothing.
	 */
	private void ensureIndexed() {
		if (!this.indexed) {
			this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on(EXPIRES_AT, Sort.Direction.ASC).expire(Duration.ZERO));
			this.indexed = true;
		}
	}

}
