package uk.nhsjob.ingest;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The ingest service's own settings.
 *
 * @param adminToken the bearer token of the admin calls; when blank, a random one is
 * generated at startup and logged once
 * @param maxFeedSize the largest feed document accepted
 * @param payScale where the Agenda for Change pay table is (replaced every April)
 * @param outbox how publication to Kafka is waited for and retried
 * @param rateLimit how many feeds a source may push
 * @param feedLease how long a feed waits for another feed of its source, and how long a
 * source's lease lasts unrenewed
 * @param maxOpenVacanciesPerSource the most open vacancies a source may hold; a feed that
 * would leave more open is refused whole (docs/feeds.md, "Limits")
 */
@ConfigurationProperties("nhsjob.ingest")
@Validated
public record IngestSettings(@DefaultValue("") String adminToken, @DefaultValue("10MB") @NotNull DataSize maxFeedSize,
		@DefaultValue("classpath:pay-scales/afc-pay-scales-england-2025-26.csv") @NotBlank String payScale,
		@DefaultValue @Valid Outbox outbox, @DefaultValue @Valid RateLimit rateLimit,
		@DefaultValue @Valid FeedLease feedLease, @DefaultValue("50000") @Positive int maxOpenVacanciesPerSource) {

	/** Beyond this a feed would not fit comfortably in memory. */
	static final DataSize LARGEST_FEED_SIZE = DataSize.ofMegabytes(512);

	public IngestSettings {
		if (maxFeedSize.toBytes() < 1 || maxFeedSize.compareTo(LARGEST_FEED_SIZE) > 0) {
			throw new IllegalArgumentException("nhsjob.ingest.max-feed-size must be between 1B and 512MB");
		}
	}

	/**
	 * @param sendTimeout how long a feed waits for the broker to acknowledge its
	 * vacancies
	 * @param retryInterval how often vacancies still pending publication are sent again
	 * @param retryAfter how long a vacancy must have been pending before the scheduled
	 * retry sends it again
	 * @param batchSize how many revisions are written to MongoDB in one bulk write, and
	 * stored before any of them is sent
	 */
	public record Outbox(@DefaultValue("30s") @NotNull Duration sendTimeout,
			@DefaultValue("30s") @NotNull Duration retryInterval, @DefaultValue("1m") @NotNull Duration retryAfter,
			@DefaultValue("500") @Positive int batchSize) {
	}

	/**
	 * Each source may push (or validate) this many feeds per period, refilled steadily;
	 * beyond it, {@code 429} with {@code Retry-After}.
	 *
	 * @param feeds how many feeds
	 * @param per in how long
	 */
	public record RateLimit(@DefaultValue("60") @Positive int feeds, @DefaultValue("1m") @NotNull Duration per) {

		public RateLimit {
			if (per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("nhsjob.ingest.rate-limit.per must be positive");
			}
		}

	}

	/**
	 * One source's feeds take turns through a lease in MongoDB (docs/operations.md).
	 *
	 * @param maxWait how long a feed waits for the lease before answering {@code 409}
	 * @param expiry how long a lease lasts when its holder stops renewing it (a process
	 * that died, or paused); renewed every third of it while a feed runs
	 */
	public record FeedLease(@DefaultValue("30s") @NotNull Duration maxWait,
			@DefaultValue("1m") @NotNull Duration expiry) {

		public FeedLease {
			if (maxWait.isNegative() || expiry.toMillis() < 3) {
				throw new IllegalArgumentException(
						"nhsjob.ingest.feed-lease.max-wait must not be negative and nhsjob.ingest.feed-lease.expiry must be "
								+ "positive");
			}
		}

	}

}
