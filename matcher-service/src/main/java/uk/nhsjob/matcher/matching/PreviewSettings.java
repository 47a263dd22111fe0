package uk.nhsjob.matcher.matching;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What previews may cost one instance (docs/alerts.md, "Preview").
 *
 * @param maxConcurrent previews computed at once; one more is refused ({@code 503} on the
 * API) rather than queued
 * @param cacheFor how long a preview is answered again from memory for the same criteria
 * @param cacheSize how many criteria's previews are held at most
 */
@ConfigurationProperties("nhsjob.matcher.preview")
@Validated
record PreviewSettings(@DefaultValue("4") @Min(1) int maxConcurrent, @DefaultValue("5s") @NotNull Duration cacheFor,
		@DefaultValue("1000") @Min(1) int cacheSize) {

}
