package uk.nhsjob.platform.kafka;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the services' topics are declared and how their listeners fail.
 *
 * @param partitions of each topic a service declares
 * @param replicationFactor of each topic; 1 on the local stack, 3 in production
 * @param minInsyncReplicas replicas that must acknowledge a write with {@code acks=all}
 * @param deadLetterRetention how long a dead-letter topic keeps its records
 * @param retry the back-off between a listener's attempts before a record is
 * dead-lettered
 */
@ConfigurationProperties("nhsjob.kafka")
@Validated
public record KafkaSettings(@DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor, @DefaultValue("1") @Min(1) int minInsyncReplicas,
		@DefaultValue("7d") @NotNull Duration deadLetterRetention, @DefaultValue @Valid Retry retry) {

	/**
	 * Exponential back-off for a failing record.
	 *
	 * @param attempts retries after the first failure, before the record is dead-lettered
	 * @param transientMaxInterval the longest wait between the tries of a record that
	 * fails with a fault that passes, retried for as long as the fault lasts (the
	 * consumer is paused meanwhile, so it may exceed {@code max.poll.interval.ms})
	 */
	public record Retry(@DefaultValue("4") @Min(0) int attempts,
			@DefaultValue("500ms") @NotNull Duration initialInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("10s") @NotNull Duration maxInterval,
			@DefaultValue("30s") @NotNull Duration transientMaxInterval) {

		@ConstructorBinding
		public Retry {
		}

		/** With the default {@code transientMaxInterval}, 30 s. */
		public Retry(int attempts, Duration initialInterval, double multiplier, Duration maxInterval) {
			this(attempts, initialInterval, multiplier, maxInterval, Duration.ofSeconds(30));
		}

	}

}
