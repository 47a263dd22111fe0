package uk.nhsjob.matcher.alert.web;

import uk.nhsjob.common.vocabulary.AlertStatus;

/** The answer to {@code POST /api/v1/alerts}. */
record AlertCreated(String alertId, AlertStatus status) {
}
