package uk.nhsjob.matcher.alert.web;

import java.time.Instant;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * An alert as its owner sees it through the API.
 *
 * @param closingSoon whether its digests remind of vacancies closing soon
 */
record AlertView(String alertId, String email, Criteria criteria, Frequency frequency, boolean closingSoon,
		AlertStatus status, Instant createdAt) {

	static AlertView of(Alert alert) {
		return new AlertView(alert.id(), alert.email(), alert.criteria(), alert.frequency(), alert.closingSoon(),
				alert.status(), alert.createdAt());
	}

}
