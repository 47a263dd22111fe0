package uk.nhsjob.matcher.matching;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertErased;
import uk.nhsjob.matcher.alert.Alerts;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The active alerts in a {@link MatchIndex}, kept in step with MongoDB: rebuilt from it
 * on start, and told of every alert saved or deleted afterwards. Every change of an
 * alert's status or criteria (create, confirm, edit, pause, resume, unsubscribe, expire,
 * erase) is a save through {@link Alerts}; on each, the alert is read again, so that of
 * two saves told out of order the later state still wins.
 * <p>
 * Many readers at once, one writer at a time. This instance learns only of saves made in
 * it: the service runs as one instance.
 */
@Component
class ActiveAlerts extends AbstractMongoEventListener<Alert> {

	private static final Logger log = LoggerFactory.getLogger(ActiveAlerts.class);

	private final Alerts alerts;

	private final MatchIndex index;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile boolean built;

	ActiveAlerts(Alerts alerts, PostcodeDirectory postcodes) {
		this.alerts = alerts;
		this.index = new MatchIndex(postcodes);
	}

	/** Reads every active alert from MongoDB into the index. */
	void rebuild() {
		this.lock.writeLock().lock();
		try (Stream<Alert> active = this.alerts.findByStatus(AlertStatus.ACTIVE)) {
			active.filter(ActiveAlerts::isMatchable).forEach((alert) -> this.index.put(alert.id(), alert.criteria()));
			this.built = true;
			log.info("Match index rebuilt: {} active alerts", this.index.size());
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	boolean isBuilt() {
		return this.built;
	}

	int size() {
		this.lock.readLock().lock();
		try {
			return this.index.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * The active alerts the vacancy matches, by the rules of docs/matching.md (the
	 * vacancy being open).
	 */
	List<MatchIndex.IndexMatch> matching(Vacancy vacancy) {
		this.lock.readLock().lock();
		try {
			return this.index.matches(vacancy);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Alert> event) {
		refresh(event.getSource().id());
	}

	@Override
	public void onAfterDelete(AfterDeleteEvent<Alert> event) {
		Object id = event.getSource().get("_id");
		if (id != null) {
			refresh(id.toString());
		}
	}

	/** Deletions by query name no entity type, so erasure is heard of directly too. */
	@EventListener
	void onErased(AlertErased erased) {
		refresh(erased.alertId());
	}

	/** Puts the alert in as it is saved now, or takes it out. */
	void refresh(String alertId) {
		this.lock.writeLock().lock();
		try {
			this.alerts.findById(alertId)
				.filter(ActiveAlerts::isMatchable)
				.ifPresentOrElse((alert) -> this.index.put(alert.id(), alert.criteria()),
						() -> this.index.remove(alertId));
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private static boolean isMatchable(Alert alert) {
		return alert.status() == AlertStatus.ACTIVE && !alert.erasing();
	}

}
