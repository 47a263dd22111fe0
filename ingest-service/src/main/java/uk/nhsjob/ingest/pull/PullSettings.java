package uk.nhsjob.ingest.pull;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How pulled sources are scheduled (docs/feeds.md, "Pulled sources").
 *
 * @param minPeriod the shortest period a pull may be set to run every
 * @param tick how often each instance looks for pulls that are due
 * @param claim how long a pull, once claimed by an instance, is left to it before another
 * may take it up (an instance that died while pulling)
 * @param firstRetry the wait after a first failure, doubling after each further one,
 * never longer than the pull's period
 * @param maxFailures after this many failures in a row the pull is paused
 * @param history how many of the latest pulls are kept per source
 */
@ConfigurationProperties("nhsjob.ingest.pull")
@Validated
public record PullSettings(@DefaultValue("15m") @NotNull Duration minPeriod,
		@DefaultValue("10s") @NotNull Duration tick, @DefaultValue("10m") @NotNull Duration claim,
		@DefaultValue("1m") @NotNull Duration firstRetry, @DefaultValue("5") @Positive int maxFailures,
		@DefaultValue("20") @Positive int history) {

	public PullSettings {
		if (!positive(minPeriod) || !positive(tick) || !positive(claim) || !positive(firstRetry)) {
			throw new IllegalArgumentException(
					"nhsjob.ingest.pull.min-period, tick, claim and first-retry must be positive");
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
