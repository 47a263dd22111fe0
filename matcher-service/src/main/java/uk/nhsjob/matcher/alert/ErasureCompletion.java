package uk.nhsjob.matcher.alert;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The last steps of an erasure, once the alert's tombstone is acknowledged: whatever else
 * is held about the alert, then its document, then its address's document when no alert
 * of the address is left. Every step may run again after a crash.
 */
@Component
class ErasureCompletion {

	private final MongoOperations mongo;

	private final Alerts alerts;

	private final Addresses addresses;

	private final ApplicationEventPublisher events;

	private final AlertPublications publications;

	ErasureCompletion(MongoOperations mongo, Alerts alerts, Addresses addresses, ApplicationEventPublisher events,
			AlertPublications publications) {
		this.publications = publications;
		this.mongo = mongo;
		this.alerts = alerts;
		this.addresses = addresses;
		this.events = events;
	}

	void finish(Alert erased) {
		this.events.publishEvent(new AlertErased(erased.id()));
		this.mongo.remove(Query.query(where("_id").is(erased.id()).and("erasing").is(true)), "alerts");
		this.publications.forget(erased.id());
		if (this.alerts.countByEmail(erased.email()) == 0) {
			this.addresses.forget(erased.email());
		}
	}

}
