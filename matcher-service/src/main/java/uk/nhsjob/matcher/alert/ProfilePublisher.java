package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishes an alert's state on the profile stream and empties its outbox once the broker
 * has acknowledged; whatever could not be published is published again by the relay.
 * <p>
 * One alert's publications take turns, and each publishes the alert as it is saved then,
 * so an older state can never follow a newer one onto the compacted topic.
 */
@Component
class ProfilePublisher {

	private static final Logger log = LoggerFactory.getLogger(ProfilePublisher.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

	private final Object[] turns = new Object[64];

	private final KafkaOperations<String, Object> kafka;

	private final MongoOperations mongo;

	private final Alerts alerts;

	private final AlertLinks links;

	private final ErasureCompletion erasures;

	private final Clock clock;

	ProfilePublisher(KafkaOperations<String, Object> kafka, MongoOperations mongo, Alerts alerts, AlertLinks links,
			ErasureCompletion erasures, Clock clock) {
		this.kafka = kafka;
		this.mongo = mongo;
		this.alerts = alerts;
		this.links = links;
		this.erasures = erasures;
		this.clock = clock;
		Arrays.setAll(this.turns, (i) -> new Object());
	}

	/**
	 * Publishes an alert's saved state, unless that is published already.
	 * @return whether it is published; if not, the relay will try again
	 */
	boolean publish(String alertId) {
		synchronized (this.turns[Math.floorMod(alertId.hashCode(), this.turns.length)]) {
			Optional<Alert> saved = this.alerts.findById(alertId);
			return saved.isEmpty() || !saved.get().pendingPublication() || send(saved.get());
		}
	}

	/**
	 * The alert's current state, or for an alert being erased its tombstone; an erasure
	 * is finished only once the tombstone is acknowledged, so a crash in between leaves
	 * the alert marked, unreadable, and still in the outbox.
	 */
	private boolean send(Alert alert) {
		try {
			this.kafka.send(Topics.PROFILES, alert.id(), alert.erasing() ? null : profileOf(alert))
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (alert.erasing()) {
				this.erasures.finish(alert);
				return true;
			}
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("Profile of alert {} revision {} not published yet: {}", alert.id(), alert.revision(),
					ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		markPublished(alert);
		return true;
	}

	AlertProfileChanged profileOf(Alert alert) {
		return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, this.clock.instant(),
				alert.id(), alert.revision(), alert.email(), alert.status(), alert.frequency(),
				CriteriaDescription.of(alert.criteria()), alert.confirmationRequest(), this.links.confirmUrl(alert),
				this.links.manageUrl(alert), this.links.unsubscribeUrl(alert), contractOf(alert.criteria()), true);
	}

	private static ProfileCriteria contractOf(Criteria criteria) {
		return new ProfileCriteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
				criteria.radiusMiles(), Boolean.TRUE.equals(criteria.includeRemote()), criteria.workingPatterns(),
				criteria.contractTypes(), criteria.specialties(), criteria.employerTypes(), criteria.minSalary(),
				criteria.keywords());
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void relayPending() {
		for (Alert alert : this.alerts.findByPendingPublicationTrue()) {
			if (!publish(alert.id())) {
				// the broker is not answering: the next run tries again
				return;
			}
		}
	}

	/**
	 * Empties the outbox unless the alert changed meanwhile, in which case its newer
	 * state is still to be published. By collection name, so the version is not raised.
	 */
	private void markPublished(Alert alert) {
		Query published = Query
			.query(where("_id").is(alert.id()).and("version").is(alert.version()).and("pendingPublication").is(true));
		this.mongo.updateFirst(published, Update.update("pendingPublication", false), "alerts");
	}

}
