package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Leases on an address's inbox (its keyed hash and instant or digest, never the address),
 * in the collection {@code inboxLeases}: the sending round that holds one is the only one
 * that claims that inbox's email, so two notifier instances never split an address's
 * digest (or its instant window) into two emails (docs/emails.md, "One email per
 * person"). A single-document conditional write takes it: the lease is free, expired, or
 * already the round's. The round gives it back once its emails are sent; a round that
 * dies leaves it to expire after the sending timeout, when its SENDING entries are taken
 * again anyway. Each lease is deleted a day after it was last taken ({@link InboxLease}).
 */
@Component
class InboxLeases {

	static final String COLLECTION = "inboxLeases";

	/** How long a lease is kept after it was last taken, before MongoDB deletes it. */
	private static final Duration KEPT = Duration.ofDays(1);

	private final MongoTemplate mongo;

	InboxLeases(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Whether the round now holds the inbox's lease, until {@code until}. */
	boolean take(String inbox, String round, Instant now, Instant until) {
		try {
			this.mongo.upsert(
					query(where("_id").is(inbox).orOperator(where("until").lte(now), where("round").is(round))),
					new Update().set("round", round).set("until", until).set("expiresAt", until.plus(KEPT)),
					InboxLease.class);
			return true;
		}
		catch (DuplicateKeyException held) {
			// another round holds it: the upsert found no free lease and could not
			// insert a second one under the same id
			return false;
		}
	}

	/** Gives back the round's leases of these inboxes. */
	void release(Collection<String> inboxes, String round) {
		if (!inboxes.isEmpty()) {
			this.mongo.updateMulti(query(where("_id").in(inboxes).and("round").is(round)),
					new Update().set("until", Instant.EPOCH), InboxLease.class);
		}
	}

}
