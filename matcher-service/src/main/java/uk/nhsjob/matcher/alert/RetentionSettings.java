package uk.nhsjob.matcher.alert;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long stopped alerts are kept before they are erased (docs/alerts.md, "Retention").
 *
 * @param stoppedAlertsKeptFor how long an alert stays {@code UNSUBSCRIBED} or
 * {@code EXPIRED} before it is erased as a {@code DELETE} erases it
 * @param sweepInterval how often the alerts due for erasure are looked for
 */
@ConfigurationProperties("nhsjob.matcher.retention")
@Validated
record RetentionSettings(@DefaultValue("30d") @NotNull Duration stoppedAlertsKeptFor,
		@DefaultValue("1h") @NotNull Duration sweepInterval) {

}
