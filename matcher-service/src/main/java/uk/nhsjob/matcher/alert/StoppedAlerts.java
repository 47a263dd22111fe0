package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.AlertStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Erases the alerts that have been {@code UNSUBSCRIBED} or {@code EXPIRED} for
 * {@code nhsjob.matcher.retention.stopped-alerts-kept-for} (30 days), exactly as a
 * {@code DELETE} erases one: marked, tombstoned, then deleted with whatever else is held
 * about it, and with its address's own record once no alert of the address is left
 * (docs/alerts.md, "Retention"); and forgets an address's record left without any alert.
 * Every instance sweeps: each erasure is a conditional save (the alert's version) and
 * each address forgotten a conditional delete, so two sweeps, or a sweep and the
 * candidate, erase an alert once and forget no address in use.
 */
@Component
class StoppedAlerts {

	private static final Logger log = LoggerFactory.getLogger(StoppedAlerts.class);

	static final List<AlertStatus> STOPPED = List.of(AlertStatus.UNSUBSCRIBED, AlertStatus.EXPIRED);

	/**
	 * As many as
	 * {@link Alerts#findTop500ByStatusInAndErasingFalseAndStoppedAtLessThanEqual} reads.
	 */
	private static final int BATCH = 500;

	/** The address's confirmation rate window ({@link Addresses}). */
	private static final Duration QUIET_FOR = Duration.ofHours(1);

	/** Tombstones not acknowledged in a row before the rest is left to the next sweep. */
	private static final int MAX_UNPUBLISHED = 3;

	private final Alerts alerts;

	private final Addresses addresses;

	private final AlertManagement management;

	private final MongoOperations mongo;

	private final Clock clock;

	private final RetentionSettings settings;

	StoppedAlerts(Alerts alerts, Addresses addresses, AlertManagement management, MongoOperations mongo, Clock clock,
			RetentionSettings settings) {
		this.alerts = alerts;
		this.addresses = addresses;
		this.management = management;
		this.mongo = mongo;
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.retention.sweep-interval:1h}")
	void sweep() {
		try {
			Instant now = this.clock.instant();
			stampStoppedWithoutATime(now);
			eraseStoppedBefore(now.minus(this.settings.stoppedAlertsKeptFor()));
			forgetAddressesWithoutAlerts(now.minus(QUIET_FOR));
		}
		catch (RuntimeException ex) {
			// by class only: a driver's message may quote a document, and with it an
			// address (docs/operations.md, "Logs")
			log.warn("Retention sweep failed, tried again in the next one: {}", ex.getClass().getName());
		}
	}

	/**
	 * An alert that stopped before its stopping time was recorded counts as stopped from
	 * the first sweep that sees it. By collection name, so its version is not raised.
	 */
	private void stampStoppedWithoutATime(Instant now) {
		this.mongo.updateMulti(
				Query.query(where("status").in(STOPPED).and("erasing").is(false).and("stoppedAt").is(null)),
				Update.update("stoppedAt", Date.from(now)), "alerts");
	}

	/**
	 * An address's record normally goes with its last alert's erasure; one can be left
	 * without any alert (a creation refused after the address's record was written), and
	 * is forgotten here once it has been quiet for the confirmation rate window, so that
	 * forgetting it gives no address more confirmation emails in an hour than its limit.
	 */
	private void forgetAddressesWithoutAlerts(Instant quietSince) {
		try (Stream<String> quiet = this.addresses.quietWithoutLiveAlerts(quietSince)) {
			long forgotten = quiet.filter((email) -> this.alerts.countByEmail(email) == 0)
				.filter((email) -> this.addresses.forgetIfQuiet(email, quietSince))
				.count();
			if (forgotten > 0) {
				log.info("Forgot {} addresses with no alert left", forgotten);
			}
		}
	}

	/**
	 * Batch after batch, until none is left, none could be erased or the broker is away.
	 */
	private void eraseStoppedBefore(Instant cutoff) {
		int unpublished = 0;
		while (true) {
			List<Alert> due = this.alerts.findTop500ByStatusInAndErasingFalseAndStoppedAtLessThanEqual(STOPPED, cutoff);
			int erased = 0;
			for (Alert alert : due) {
				try {
					this.management.delete(alert);
				}
				catch (OptimisticLockingFailureException ex) {
					// erased or changed meanwhile (another instance's sweep, the
					// candidate): looked at again in the next sweep
					continue;
				}
				erased++;
				log.info("Erased alert {}, stopped since {}", alert.id(), alert.stoppedAt());
				// still stored: its tombstone is not acknowledged yet, and the outbox
				// relay will publish it; a few in a row mean the broker is away
				unpublished = this.alerts.existsById(alert.id()) ? unpublished + 1 : 0;
				if (unpublished == MAX_UNPUBLISHED) {
					return;
				}
			}
			if (due.size() < BATCH || erased == 0) {
				return;
			}
		}
	}

}
