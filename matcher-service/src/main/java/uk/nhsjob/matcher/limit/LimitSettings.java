package uk.nhsjob.matcher.limit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits per client address and for the whole service (docs/alerts.md, "Limits").
 * Test suites and load runs, which send everything from one address, raise them.
 *
 * @param alertsPerClientPerHour alert creations one client may ask for in an hour, each
 * request that passes validation counting, re-sends included
 * @param confirmationEmailsPerHour confirmation emails the whole service may ask for in
 * an hour, every instance together
 * @param previewsPerClientPerMinute previews one client may ask for in a minute, from the
 * API and the page
 */
@ConfigurationProperties("nhsjob.matcher.limits")
@Validated
record LimitSettings(@DefaultValue("10") @Min(1) int alertsPerClientPerHour,
		@DefaultValue("2000") @Min(1) int confirmationEmailsPerHour,
		@DefaultValue("60") @Min(1) int previewsPerClientPerMinute) {

}
