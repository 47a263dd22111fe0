package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What the delivery tests read from the running notifier, and how they set it up. */
final class Ledger {

	static final Duration WAIT = Duration.ofSeconds(60);

	private final MongoTemplate mongo;

	private final EventPublisher publisher;

	private final RecipientRegistry registry;

	Ledger(MongoTemplate mongo, EventPublisher publisher, RecipientRegistry registry) {
		this.mongo = mongo;
		this.publisher = publisher;
		this.registry = registry;
	}

	Alert activeAlert(Frequency frequency) {
		return activeAlert(frequency, true);
	}

	Alert activeAlert(Frequency frequency, boolean closingSoon) {
		return activeAlert(Alert.unique(), frequency, closingSoon);
	}

	/** Another alert of the address, active. */
	Alert anotherAlertOf(String address, Frequency frequency) {
		return activeAlert(new Alert(Alert.unique().alertId(), address), frequency, true);
	}

	private Alert activeAlert(Alert alert, Frequency frequency, boolean closingSoon) {
		this.publisher.publish(Topics.PROFILES, alert.alertId(),
				alert.profile(1, AlertStatus.ACTIVE, frequency, closingSoon));
		await().atMost(WAIT).until(() -> this.registry.find(alert.alertId()).map(Recipient::isActive).orElse(false));
		return alert;
	}

	List<Delivery> entriesOf(Alert alert) {
		return this.mongo.find(query(where("alertId").is(alert.alertId())), Delivery.class);
	}

	long countIn(Alert alert, DeliveryState state) {
		return entriesOf(alert).stream().filter((entry) -> entry.state() == state).count();
	}

	@Nullable DeliveryState stateOf(Alert alert, String vacancyId) {
		Delivery delivery = this.mongo.findById(DeliveryLedger.idOf(alert.alertId(), vacancyId), Delivery.class);
		return (delivery != null) ? delivery.state() : null;
	}

}
