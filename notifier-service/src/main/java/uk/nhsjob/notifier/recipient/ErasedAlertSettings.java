package uk.nhsjob.notifier.recipient;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import uk.nhsjob.platform.kafka.TopicDeclarations;

/**
 * How long the notifier remembers an erased alert
 * ({@code NHSJOB_NOTIFIER_ERASED_ALERTS_MARGIN}).
 *
 * @param margin kept beyond the longest a tombstone stays on the profile topic, so that a
 * record published or replayed late still finds the erasure remembered
 */
@ConfigurationProperties("nhsjob.notifier.erased-alerts")
@Validated
public record ErasedAlertSettings(@DefaultValue("2d") @NotNull Duration margin) {

	/** The profile topic's tombstone lifetime (docs/events.md) plus the margin. */
	public Duration retention() {
		return TopicDeclarations.PROFILE_TOMBSTONE_LIFETIME.plus(this.margin);
	}

}
