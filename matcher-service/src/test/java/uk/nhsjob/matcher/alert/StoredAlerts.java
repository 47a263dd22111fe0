package uk.nhsjob.matcher.alert;

import java.time.Instant;
import java.util.UUID;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/** Alerts as they are stored, for tests that write them straight to MongoDB. */
public final class StoredAlerts {

	private StoredAlerts() {
	}

	/** Confirmed, its profile and welcome set long published: matched from now on. */
	public static Alert active(String email, Criteria criteria, Instant confirmedAt) {
		return new Alert(UUID.randomUUID().toString(), email, criteria.normalised(), Frequency.INSTANT,
				AlertStatus.ACTIVE, null, 1, 1, confirmedAt, confirmedAt, confirmedAt, false, false, false);
	}

}
