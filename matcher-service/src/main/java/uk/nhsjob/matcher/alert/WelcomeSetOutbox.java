package uk.nhsjob.matcher.alert;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.AlertStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The confirmed alerts whose welcome set is still to be published: those whose active
 * profile the broker has acknowledged, so the notifier learns of the alert first.
 */
@Component
public class WelcomeSetOutbox {

	private final Alerts alerts;

	private final MongoOperations mongo;

	WelcomeSetOutbox(Alerts alerts, MongoOperations mongo) {
		this.alerts = alerts;
		this.mongo = mongo;
	}

	/** The ids of the alerts whose welcome set is due now. */
	public List<String> due() {
		return this.alerts.findByWelcomeSetPendingTrueAndStatus(AlertStatus.ACTIVE)
			.stream()
			.filter((alert) -> !alert.pendingPublication())
			.map(Alert::id)
			.toList();
	}

	/** The alert, if its welcome set is due now. */
	public Optional<Alert> dueAlert(String alertId) {
		return this.alerts.findById(alertId)
			.filter((alert) -> alert.welcomeSetPending() && alert.status() == AlertStatus.ACTIVE
					&& !alert.pendingPublication() && !alert.erasing());
	}

	/** The welcome set is published; by collection name, so the version is not raised. */
	public void markSent(String alertId) {
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)), Update.update("welcomeSetPending", false),
				"alerts");
	}

}
