package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
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
import uk.nhsjob.common.vocabulary.AlertStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishes an alert's state on the profile stream and empties its outbox once the broker
 * has acknowledged; whatever could not be published is published again by the relay.
 * <p>
 * Whichever instance publishes, one alert's publications take turns under a lease in
 * MongoDB ({@link AlertPublications}), and each publishes the alert as it is saved then,
 * so an older state can never follow a newer one onto the compacted topic. A record sent
 * under the lease lands before the lease expires or never: the producer gives up on a
 * record after {@code delivery.timeout.ms} (matcher-service.yml), and a send starts only
 * with at least {@link #SEND_WINDOW} of the lease left (docs/matching.md, "Several
 * instances").
 */
@Component
class ProfilePublisher {

	private static final Logger log = LoggerFactory.getLogger(ProfilePublisher.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The longest a send can take to land or fail: {@code max.block.ms} (10 s,
	 * nhsjob-platform.yml) and {@code delivery.timeout.ms} (15 s, matcher-service.yml),
	 * with a margin.
	 */
	static final Duration SEND_WINDOW = Duration.ofSeconds(30);

	static final Duration LEASE = Duration.ofSeconds(60);

	/** Sends under one lease before the rest is left to the relay. */
	private static final int MAX_SENDS = 5;

	private final KafkaOperations<String, Object> kafka;

	private final MongoOperations mongo;

	private final Alerts alerts;

	private final AlertLinks links;

	private final ErasureCompletion erasures;

	private final AlertPublications publications;

	private final Clock clock;

	ProfilePublisher(KafkaOperations<String, Object> kafka, MongoOperations mongo, Alerts alerts, AlertLinks links,
			ErasureCompletion erasures, AlertPublications publications, Clock clock) {
		this.kafka = kafka;
		this.mongo = mongo;
		this.alerts = alerts;
		this.links = links;
		this.erasures = erasures;
		this.publications = publications;
		this.clock = clock;
	}

	/**
	 * Publishes an alert's saved state, unless that is published already.
	 * @return whether it is published; if not (another instance holds the lease, the
	 * broker is away), the relay will try again
	 */
	boolean publish(String alertId) {
		return tryPublish(alertId) == Attempt.PUBLISHED;
	}

	private enum Attempt {

		PUBLISHED,
		/** Another instance holds the alert's lease: it publishes. */
		LEASED_ELSEWHERE,
		/** Not acknowledged, or still changing after the sends one lease allows. */
		NOT_YET

	}

	private Attempt tryPublish(String alertId) {
		Instant leaseUntil = this.publications.takeLease(alertId, LEASE);
		if (leaseUntil == null) {
			return Attempt.LEASED_ELSEWHERE;
		}
		boolean release = true;
		try {
			for (int send = 0; send < MAX_SENDS; send++) {
				Optional<Alert> saved = this.alerts.findById(alertId);
				if (saved.isEmpty() || !saved.get().pendingPublication()) {
					return Attempt.PUBLISHED;
				}
				if (Duration.between(this.clock.instant(), leaseUntil).compareTo(SEND_WINDOW) < 0) {
					leaseUntil = this.publications.renewLease(alertId, LEASE);
					if (leaseUntil == null) {
						release = false;
						return Attempt.LEASED_ELSEWHERE;
					}
				}
				Sent sent = send(saved.get());
				if (sent == Sent.UNKNOWN) {
					// the record may still land: the lease runs out rather than let
					// another send
					release = false;
					return Attempt.NOT_YET;
				}
				if (sent == Sent.DONE) {
					return Attempt.PUBLISHED;
				}
				// the alert changed while it was sent: its newer state goes out now
			}
			return Attempt.NOT_YET;
		}
		finally {
			if (release) {
				this.publications.releaseLease(alertId);
			}
		}
	}

	private enum Sent {

		/**
		 * Published and marked, or the tombstone acknowledged and the erasure finished.
		 */
		DONE,
		/** Published, but the alert changed meanwhile. */
		CHANGED,
		/** Not acknowledged in time: it may land yet, or not. */
		UNKNOWN

	}

	/**
	 * The alert's current state, or for an alert being erased its tombstone; an erasure
	 * is finished only once the tombstone is acknowledged, so a crash in between leaves
	 * the alert marked, unreadable, and still in the outbox.
	 */
	private Sent send(Alert alert) {
		boolean active = alert.status() == AlertStatus.ACTIVE && !alert.erasing();
		Instant matchingSince = active ? matchingSince(alert) : null;
		RecordMetadata landed;
		try {
			landed = this.kafka
				.send(Topics.PROFILES, alert.id(), alert.erasing() ? null : profileOf(alert, matchingSince))
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("Profile of alert {} revision {} not published yet: {}", alert.id(), alert.revision(),
					ex.toString());
			return Sent.UNKNOWN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Sent.UNKNOWN;
		}
		if (alert.erasing()) {
			this.erasures.finish(alert);
			return Sent.DONE;
		}
		if (active && matchingSince == null) {
			this.publications.storeMatchingSince(alert.id(), alert.activation(),
					Instant.ofEpochMilli(landed.timestamp()));
		}
		if (this.alerts.findById(alert.id()).isEmpty()) {
			// erased meanwhile: its tombstone must stay the last record
			sendTombstone(alert.id());
			return Sent.DONE;
		}
		return markPublished(alert) ? Sent.DONE : Sent.CHANGED;
	}

	/**
	 * The stored moment of this activation; for an alert activated before activations
	 * were counted (0), the beginning of time: it was matched to every vacancy consumed,
	 * and stays so.
	 */
	private @Nullable Instant matchingSince(Alert alert) {
		return (alert.activation() == 0) ? Instant.EPOCH
				: this.publications.matchingSince(alert.id(), alert.activation());
	}

	private void sendTombstone(String alertId) {
		try {
			this.kafka.send(Topics.PROFILES, alertId, null).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("Tombstone of erased alert {} not published again: {}", alertId, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	AlertProfileChanged profileOf(Alert alert) {
		return profileOf(alert, null);
	}

	AlertProfileChanged profileOf(Alert alert, @Nullable Instant matchingSince) {
		return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, this.clock.instant(),
				alert.id(), alert.revision(), alert.email(), alert.status(), alert.frequency(),
				CriteriaDescription.of(alert.criteria()), alert.confirmationRequest(), this.links.confirmUrl(alert),
				this.links.manageUrl(alert), this.links.unsubscribeUrl(alert), contractOf(alert.criteria()),
				alert.closingSoon(), matchingSince, this.links.notMeUrl(alert));
	}

	private static ProfileCriteria contractOf(Criteria criteria) {
		return new ProfileCriteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
				criteria.radiusMiles(), Boolean.TRUE.equals(criteria.includeRemote()), criteria.workingPatterns(),
				criteria.contractTypes(), criteria.specialties(), criteria.employerTypes(), criteria.minSalary(),
				criteria.keywords());
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void relayPending() {
		int failures = 0;
		for (Alert alert : this.alerts.findByPendingPublicationTrue()) {
			// an alert another instance holds is passed by, however many (a crashed
			// instance's leases run out in a minute); a few sends in a row not
			// acknowledged mean the broker is not answering: the next run tries again
			Attempt attempt = tryPublish(alert.id());
			failures = (attempt == Attempt.NOT_YET) ? failures + 1 : 0;
			if (failures == 3) {
				return;
			}
		}
	}

	/**
	 * Empties the outbox unless the alert changed meanwhile, in which case its newer
	 * state is still to be published. By collection name, so the version is not raised.
	 */
	private boolean markPublished(Alert alert) {
		Query published = Query
			.query(where("_id").is(alert.id()).and("version").is(alert.version()).and("pendingPublication").is(true));
		return this.mongo.updateFirst(published, Update.update("pendingPublication", false), "alerts")
			.getModifiedCount() == 1;
	}

}
