package uk.nhsjob.testsupport.oracle;

/**
 * One vacancy matched to one alert: what {@code nhsjob.alerts.v1} carries once.
 *
 * @param alertId the alert
 * @param vacancyId the vacancy
 */
public record Pair(String alertId, String vacancyId) {
}
