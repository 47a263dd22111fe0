package uk.nhsjob.testsupport.oracle;

import java.time.Instant;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/**
 * An alert as the oracle sees it.
 *
 * @param alertId the id the matcher gave it
 * @param address where its emails go
 * @param frequency instant, daily or weekly
 * @param status its status for the whole of the test's story (the oracle does not model
 * an alert paused or resumed half-way)
 * @param criteria what it asks for
 * @param activeSince when it became active; only vacancies published after that are sent
 */
public record Subscription(String alertId, String address, Frequency frequency, AlertStatus status,
		AlertCriteria criteria, Instant activeSince) {

	public Subscription withStatus(AlertStatus status) {
		return new Subscription(this.alertId, this.address, this.frequency, status, this.criteria, this.activeSince);
	}

}
