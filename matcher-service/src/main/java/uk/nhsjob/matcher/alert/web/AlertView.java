package uk.nhsjob.matcher.alert.web;

import java.time.Instant;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Criteria;

/** An alert as its owner sees it through the API. */
record AlertView(String alertId, String email, Criteria criteria, Frequency frequency, AlertStatus status,
		Instant createdAt) {

	static AlertView of(Alert alert) {
		return new AlertView(alert.id(), alert.email(), alert.criteria(), alert.frequency(), alert.status(),
				alert.createdAt());
	}

}
