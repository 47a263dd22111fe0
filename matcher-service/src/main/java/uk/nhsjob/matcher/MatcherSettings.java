package uk.nhsjob.matcher;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The matcher's own settings.
 *
 * @param publicBaseUrl where candidates reach this service; the links in emails start
 * with it
 * @param confirmationValidity how long a confirmation link works
 * @param maxAlertsPerAddress confirmed alerts one email address may have, and pending
 * ones (docs/alerts.md, "How many alerts")
 * @param outboxRelayInterval how often changes whose publication failed are published
 * again
 * @param confirmationEmailsPerHour emails one address may be sent in an hour
 * (confirmations, manage links, "you have ten"); requests over it are answered as usual
 * but send nothing
 * @param maxRequestBody the largest request body accepted; larger ones get {@code 413}
 * @param expirySweepInterval how often pending alerts whose confirmation link has expired
 * are looked for
 */
@ConfigurationProperties("nhsjob.matcher")
@Validated
public record MatcherSettings(
		@DefaultValue("http://localhost:8082") @NotNull @Pattern(regexp = "https?://\\S+") String publicBaseUrl,
		@DefaultValue("7d") @NotNull Duration confirmationValidity, @DefaultValue("10") @Min(1) int maxAlertsPerAddress,
		@DefaultValue("5s") @NotNull Duration outboxRelayInterval,
		@DefaultValue("5") @Min(1) int confirmationEmailsPerHour,
		@DefaultValue("16KB") @NotNull DataSize maxRequestBody,
		@DefaultValue("1m") @NotNull Duration expirySweepInterval) {

	public MatcherSettings {
		while (publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
	}

}
