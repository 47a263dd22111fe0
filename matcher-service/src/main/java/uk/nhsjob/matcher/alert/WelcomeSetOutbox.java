package uk.nhsjob.matcher.alert;

import java.time.Duration;
import java.time.Instant;
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

	/** Longer than building and publishing one takes. */
	static final Duration CLAIM = Duration.ofMinutes(1);

	private final MongoOperations mongo;

	private final AlertPublications publications;

	WelcomeSetOutbox(Alerts alerts, MongoOperations mongo, AlertPublications publications) {
		this.alerts = alerts;
		this.mongo = mongo;
		this.publications = publications;
	}

	/** The ids of the alerts whose welcome set is due now. */
	public List<String> due() {
		return this.alerts.findByWelcomeSetPendingTrueAndStatus(AlertStatus.ACTIVE)
			.stream()
			.filter((alert) -> !alert.pendingPublication())
			.map(Alert::id)
			.toList();
	}

	/**
	 * The alert and the moment it became active, if its welcome set is due now and this
	 * instance has claimed it for a while ({@link #CLAIM}), so that no other instance
	 * builds it meanwhile. The moment is the acknowledged append time of its activating
	 * profile record.
	 */
	public Optional<Due> claim(String alertId) {
		return this.alerts.findById(alertId)
			.filter((alert) -> alert.welcomeSetPending() && alert.status() == AlertStatus.ACTIVE
					&& !alert.pendingPublication() && !alert.erasing())
			.flatMap((alert) -> {
				Instant since = this.publications.matchingSince(alertId, alert.activation());
				return (since != null && this.publications.claimWelcomeSet(alertId, CLAIM))
						? Optional.of(new Due(alert, since)) : Optional.empty();
			});
	}

	/** Lets another try, here or on another instance, build it at once. */
	public void release(String alertId) {
		this.publications.releaseWelcomeSet(alertId);
	}

	/** A welcome set to build: for the alert, from the vacancies appended up to then. */
	public record Due(Alert alert, Instant activatedAt) {
	}

	/** The welcome set is published; by collection name, so the version is not raised. */
	public void markSent(String alertId) {
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)), Update.update("welcomeSetPending", false),
				"alerts");
		this.publications.releaseWelcomeSet(alertId);
	}

}
