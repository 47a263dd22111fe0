package uk.nhsjob.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.testsupport.oracle.AlertCriteria;
import uk.nhsjob.testsupport.oracle.AlertHistory;
import uk.nhsjob.testsupport.oracle.AlertState;

/**
 * The alerts of the workload and what was done to each (created, confirmed, edited,
 * paused, resumed, unsubscribed, erased), in order, with when each request was made; and,
 * from the profile topic, when the record each change made was appended.
 */
final class AlertBook {

	/**
	 * One change the workload made.
	 *
	 * @param start when the request was sent
	 * @param status the status it leaves; null for an erasure
	 * @param criteria the criteria it leaves
	 */
	record Change(Instant start, @Nullable AlertStatus status, AlertCriteria criteria) {
	}

	/**
	 * One record of the profile topic: its revision, status (null: a tombstone) and
	 * append time.
	 */
	record ProfileRecord(long revision, @Nullable AlertStatus status, Instant appendedAt) {
	}

	static final class Alert {

		final String alertId;

		final String address;

		final List<Change> changes = new ArrayList<>();

		@Nullable AlertStatus status;

		AlertCriteria criteria;

		@Nullable String manageToken;

		@Nullable String unsubscribeToken;

		Alert(String alertId, String address, AlertCriteria criteria) {
			this.alertId = alertId;
			this.address = address;
			this.criteria = criteria;
		}

		/**
		 * A request that leaves the alert as it was (criteria drawn again the same, a
		 * resumption of what was not paused) makes no profile record, so it is not a
		 * change: were it one, it would claim the record of the next.
		 */
		synchronized void changed(Instant start, @Nullable AlertStatus status, AlertCriteria criteria) {
			if (!this.changes.isEmpty() && status == this.status && criteria.equals(this.criteria)) {
				return;
			}
			this.changes.add(new Change(start, status, criteria));
			this.status = status;
			this.criteria = criteria;
		}

		boolean isErased() {
			return !this.changes.isEmpty() && this.status == null;
		}

	}

	private final Map<String, Alert> alerts = new LinkedHashMap<>();

	synchronized Alert created(String alertId, String address, AlertCriteria criteria, Instant start) {
		Alert alert = new Alert(alertId, address, criteria);
		alert.changed(start, AlertStatus.PENDING_CONFIRMATION, criteria);
		this.alerts.put(alertId, alert);
		return alert;
	}

	synchronized List<Alert> all() {
		return List.copyOf(this.alerts.values());
	}

	synchronized List<Alert> withStatus(AlertStatus status) {
		return this.alerts.values().stream().filter((alert) -> alert.status == status).toList();
	}

	/**
	 * The inbox of an alert, for {@code DeliveryTally}: every alert the workload makes is
	 * {@code INSTANT}, so its address alone; an alert not in the book is its own.
	 */
	synchronized String inboxOf(String alertId) {
		Alert alert = this.alerts.get(alertId);
		return (alert != null) ? alert.address : alertId;
	}

	synchronized List<Alert> ofAddress(String address) {
		return this.alerts.values()
			.stream()
			.filter((alert) -> alert.address.equals(address) && !alert.isErased())
			.toList();
	}

	/**
	 * Each alert's changes dated by the profile records they made: for each change in
	 * order, the first record of a higher revision than the previous change's, appended
	 * after the request was sent, with the status the change leaves.
	 * @param problems told of a change whose record is missing
	 */
	synchronized List<AlertHistory> histories(Map<String, List<ProfileRecord>> records, Collection<String> problems) {
		List<AlertHistory> histories = new ArrayList<>();
		for (Alert alert : this.alerts.values()) {
			List<ProfileRecord> ofAlert = records.getOrDefault(alert.alertId, List.of());
			List<AlertState> states = new ArrayList<>();
			long revision = Long.MIN_VALUE;
			for (Change change : alert.changes) {
				ProfileRecord found = null;
				for (ProfileRecord record : ofAlert) {
					if (record.revision() > revision && record.status() == change.status()
							&& !record.appendedAt().isBefore(change.start().minusMillis(5))) {
						found = record;
						break;
					}
				}
				if (found == null) {
					problems.add("no profile record on the topic for " + alert.alertId + " becoming "
							+ ((change.status() != null) ? change.status() : "erased") + " (requested " + change.start()
							+ ")");
					continue;
				}
				revision = found.revision();
				states.add(new AlertState(found.appendedAt(), change.status(), change.criteria()));
			}
			histories.add(new AlertHistory(alert.alertId, alert.address, Frequency.INSTANT, states));
		}
		return histories;
	}

}
