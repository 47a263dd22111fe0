package uk.nhsjob.notifier.delivery;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the sender works through the ledger ({@code nhsjob.notifier.delivery.*}).
 *
 * @param pollInterval how often the sender looks for due emails
 * @param batchSize emails sent per round at most
 * @param connections SMTP connections a round sends on at once, each alert's emails
 * always on the same one; a crash can double at most one email per connection, each under
 * its own Message-ID
 * @param sendingTimeout a SENDING entry older than this was left by a crash and is sent
 * again, under the same Message-ID
 * @param retryInitialInterval the wait after the first SMTP 4xx or timeout, doubled after
 * each further one
 * @param retryMaxInterval the longest wait between attempts
 * @param refusedRetry how an email the server refused with a 5xx that is not about the
 * recipient (at the greeting, {@code MAIL FROM}, {@code DATA}) is tried again, and when
 * it is given up
 * @param parkedFor how long a match parked for an alert whose profile never arrives is
 * kept ({@link ParkedMatches}); removed then, with a log line by alert id
 * @param parkedSweepInterval how often an instance releases the parked matches of alerts
 * whose profile has arrived meanwhile, and removes those kept past {@code parkedFor}
 */
@ConfigurationProperties("nhsjob.notifier.delivery")
@Validated
record DeliverySettings(@DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("100") @Min(1) int batchSize,
		@DefaultValue("3") @Min(1) int connections, @DefaultValue("5m") @NotNull Duration sendingTimeout,
		@DefaultValue("30s") @NotNull Duration retryInitialInterval,
		@DefaultValue("1h") @NotNull Duration retryMaxInterval, @DefaultValue @NotNull @Valid RefusedRetry refusedRetry,
		@DefaultValue("7d") @NotNull Duration parkedFor, @DefaultValue("1m") @NotNull Duration parkedSweepInterval) {

	/** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
	Duration backOff(int attempts) {
		Duration wait = this.retryInitialInterval.multipliedBy(1L << Math.min(attempts, 20));
		return (wait.compareTo(this.retryMaxInterval) > 0) ? this.retryMaxInterval : wait;
	}

	/**
	 * The long back-off after a 5xx that suppresses nobody
	 * ({@code nhsjob.notifier.delivery.refused-retry.*}): a misconfigured relay or a
	 * refused message is put right by a person, in hours rather than seconds.
	 *
	 * @param initialInterval the wait after the first such refusal
	 * @param multiplier how much each further wait grows
	 * @param maxInterval the longest wait between attempts
	 * @param giveUpAfter how long after the first such refusal the email is given up
	 * (UNDELIVERED); its last attempt is at that moment
	 */
	record RefusedRetry(@DefaultValue("10m") @NotNull Duration initialInterval,
			@DefaultValue("2") @DecimalMin("1.0") double multiplier, @DefaultValue("6h") @NotNull Duration maxInterval,
			@DefaultValue("3d") @NotNull Duration giveUpAfter) {

		/** The wait after the {@code refusals}-th refusal (1 for the first). */
		Duration backOff(int refusals) {
			double wait = this.initialInterval.toMillis() * Math.pow(this.multiplier, Math.max(0, refusals - 1));
			return (wait >= this.maxInterval.toMillis()) ? this.maxInterval : Duration.ofMillis((long) wait);
		}

	}

}
