package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.util.Collection;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.recipient.RecipientErased;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What has been sent to each alert, one entry per (alert, vacancy): PENDING when a match
 * arrives, SENDING while its email is handed to SMTP, then SENT (or SKIPPED).
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
		String id = idOf(alertId, item);
		Update insert = new Update().setOnInsert("alertId", alertId)
			.setOnInsert("item", item)
			.setOnInsert("emailKey", emailKey)
			.setOnInsert("state", DeliveryState.PENDING)
			.setOnInsert("recordedAt", this.clock.instant())
			.setOnInsert("updatedAt", this.clock.instant());
		Delivery delivery = this.mongo.findAndModify(query(where("_id").is(id)), insert,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Delivery.class);
		if (delivery == null) {
			throw new IllegalStateException("an upsert returned no document for " + id);
		}
		return delivery;
	}

	void mark(Collection<String> ids, DeliveryState state) {
		update(ids, new Update().set("state", state));
	}

	void skip(Collection<String> ids, String reason) {
		update(ids, new Update().set("state", DeliveryState.SKIPPED).set("reason", reason));
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
