package uk.nhsjob.platform.background;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the background readers' faults are reported.
 *
 * @param faultLogInterval how often a {@code WARN} line repeats that a background reader
 * is still held up by a dependency (docs/operations.md, "Logs")
 */
@ConfigurationProperties("nhsjob.background")
@Validated
public record BackgroundSettings(@DefaultValue("1m") @NotNull Duration faultLogInterval) {

	/** The defaults. */
	public static BackgroundSettings defaults() {
		return new BackgroundSettings(Duration.ofMinutes(1));
	}

}
