package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.notifier.recipient.RecipientErased;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What has been and is to be sent to each alert, one entry per (alert, vacancy): PENDING
 * when a match arrives, SENDING while its email is handed to SMTP, then SENT (or FAILED,
 * SUPPRESSED, SKIPPED).
 */
@Component
class DeliveryLedger {

	/**
	 * The item of an alert's welcome email. Vacancy ids always hold a colon
	 * ({@code sourceId:externalId}), so this is none.
	 */
	static final String WELCOME = "welcome";

	private final MongoTemplate mongo;

	private final Clock clock;

	DeliveryLedger(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	static String idOf(String alertId, String item) {
		return alertId + "/" + item;
	}

	/**
	 * The entry for this item, recorded as PENDING if new, to go in an email of its own.
	 */
	Delivery open(String alertId, String item) {
		return open(alertId, item, idOf(alertId, item));
	}

	/** The entry for this item, recorded as PENDING if new, to go in the given email. */
	Delivery open(String alertId, String item, String emailKey) {
		return upsert(alertId, item, insert(alertId, item).setOnInsert("emailKey", emailKey));
	}

	/**
	 * Records a matched vacancy as PENDING, with what its email needs, unless it is
	 * recorded already: a match redelivered is the same entry.
	 */
	Delivery record(String alertId, MatchedVacancy vacancy, Instant dueAt) {
		String item = vacancy.vacancyId();
		return upsert(alertId, item,
				insert(alertId, item).setOnInsert("emailKey", idOf(alertId, item))
					.setOnInsert("vacancy", vacancy)
					.setOnInsert("dueAt", dueAt));
	}

	private Update insert(String alertId, String item) {
		return new Update().setOnInsert("alertId", alertId)
			.setOnInsert("item", item)
			.setOnInsert("state", DeliveryState.PENDING)
			.setOnInsert("attempts", 0)
			.setOnInsert("recordedAt", this.clock.instant())
			.setOnInsert("updatedAt", this.clock.instant());
	}

	private Delivery upsert(String alertId, String item, Update insert) {
		String id = idOf(alertId, item);
		Delivery delivery = this.mongo.findAndModify(query(where("_id").is(id)), insert,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Delivery.class);
		if (delivery == null) {
			throw new IllegalStateException("an upsert returned no document for " + id);
		}
		return delivery;
	}

	/** The alerts with a pending entry due by then. */
	List<String> alertsDue(Instant now, int limit) {
		Query due = query(where("state").is(DeliveryState.PENDING).and("dueAt").lte(now)).with(Sort.by("dueAt"))
			.limit(limit);
		due.fields().include("alertId");
		return this.mongo.find(due, org.bson.Document.class, "deliveries")
			.stream()
			.map((entry) -> entry.getString("alertId"))
			.distinct()
			.toList();
	}

	/**
	 * Claims the alert's pending entries due by {@code dueBy} for one email under the
	 * given key: they become SENDING, so no other sender takes them.
	 */
	List<Delivery> claim(String alertId, Instant dueBy, String emailKey) {
		this.mongo.updateMulti(
				query(where("alertId").is(alertId).and("state").is(DeliveryState.PENDING).and("dueAt").lte(dueBy)),
				new Update().set("state", DeliveryState.SENDING)
					.set("emailKey", emailKey)
					.set("updatedAt", this.clock.instant()),
				Delivery.class);
		return inEmail(emailKey);
	}

	/**
	 * Takes back the emails whose SENDING entries were left behind (by a crash) before
	 * {@code stuckBefore}, and the FAILED ones whose next attempt is due: their keys.
	 */
	List<String> emailsToResend(Instant stuckBefore, Instant now, int limit) {
		Query stuck = query(
				where("state").is(DeliveryState.SENDING).and("vacancy").exists(true).and("updatedAt").lt(stuckBefore))
			.limit(limit);
		Query retry = query(where("state").is(DeliveryState.FAILED).and("nextAttemptAt").lte(now)).limit(limit);
		List<String> keys = new java.util.ArrayList<>();
		for (Query query : List.of(stuck, retry)) {
			for (Delivery delivery : this.mongo.find(query, Delivery.class)) {
				if (!keys.contains(delivery.emailKey()) && retake(delivery)) {
					keys.add(delivery.emailKey());
				}
			}
		}
		return keys;
	}

	/** Only one sender retakes an entry: the one whose update finds it unchanged. */
	private boolean retake(Delivery delivery) {
		long taken = this.mongo
			.updateMulti(
					query(where("emailKey").is(delivery.emailKey())
						.and("state")
						.is(delivery.state())
						.and("updatedAt")
						.is(delivery.updatedAt())),
					new Update().set("state", DeliveryState.SENDING).set("updatedAt", this.clock.instant()),
					Delivery.class)
			.getModifiedCount();
		if (taken > 0) {
			// the other entries of the same email go with it
			this.mongo.updateMulti(
					query(where("emailKey").is(delivery.emailKey())
						.and("state")
						.in(DeliveryState.FAILED, DeliveryState.SENDING)),
					new Update().set("state", DeliveryState.SENDING).set("updatedAt", this.clock.instant()),
					Delivery.class);
		}
		return taken > 0;
	}

	List<Delivery> inEmail(String emailKey) {
		return this.mongo.find(query(where("emailKey").is(emailKey).and("state").is(DeliveryState.SENDING)),
				Delivery.class);
	}

	void mark(Collection<String> ids, DeliveryState state) {
		update(ids, new Update().set("state", state));
	}

	void skip(Collection<String> ids, String reason) {
		update(ids, new Update().set("state", DeliveryState.SKIPPED).set("reason", reason));
	}

	void suppress(Collection<String> ids, String reason) {
		update(ids, new Update().set("state", DeliveryState.SUPPRESSED).set("reason", reason));
	}

	void fail(Collection<String> ids, String reason, Instant nextAttemptAt) {
		update(ids,
				new Update().set("state", DeliveryState.FAILED)
					.set("reason", reason)
					.set("nextAttemptAt", nextAttemptAt)
					.inc("attempts", 1));
	}

	private void update(Collection<String> ids, Update update) {
		this.mongo.updateMulti(query(where("_id").in(ids)), update.set("updatedAt", this.clock.instant()),
				Delivery.class);
	}

	@EventListener
	void forget(RecipientErased erased) {
		this.mongo.remove(query(where("alertId").is(erased.alertId())), Delivery.class);
	}

}
