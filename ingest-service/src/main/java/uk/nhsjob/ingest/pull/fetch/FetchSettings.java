package uk.nhsjob.ingest.pull.fetch;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How pulled sources are fetched (docs/feeds.md, "Pulled sources — how fetching is kept
 * safe").
 *
 * @param allowLoopback whether a host may resolve to a loopback address (and be fetched
 * over plain http): for the local stack and tests only; private, link-local and multicast
 * addresses stay refused
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long the server may stay silent, before its answer and within it
 * @param maxRedirects how many redirects a request may follow
 * @param maxPages the most pages an NHS Jobs XML pull may have; one with more fails
 * rather than being taken in part
 * @param userAgent the {@code User-Agent} sent; blank: the service's name and the contact
 * URL
 * @param contactUrl where the owner of a pulled site can find who is fetching it
 * @param maxPageSize the largest page; none: the size limit of a pushed feed
 * ({@code nhsjob.ingest.max-feed-size})
 */
@ConfigurationProperties("nhsjob.ingest.pull.fetch")
public record FetchSettings(@DefaultValue("false") boolean allowLoopback, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue("3") int maxRedirects,
		@DefaultValue("50") int maxPages, @Nullable String userAgent,
		@DefaultValue("http://localhost:8082/") URI contactUrl, @Nullable DataSize maxPageSize) {

	public FetchSettings {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
				|| readTimeout.isZero()) {
			throw new IllegalArgumentException(
					"nhsjob.ingest.pull.fetch.connect-timeout and read-timeout must be positive");
		}
		if (maxRedirects < 0 || maxPages < 1) {
			throw new IllegalArgumentException(
					"nhsjob.ingest.pull.fetch.max-redirects must be 0 or more and max-pages 1 or more");
		}
		if (maxPageSize != null && maxPageSize.toBytes() < 1) {
			throw new IllegalArgumentException("nhsjob.ingest.pull.fetch.max-page-size must be at least 1B");
		}
		if (userAgent == null || userAgent.isBlank()) {
			userAgent = "NHSJob-Alerts/1.0 (+" + contactUrl + ")";
		}
	}

	/**
	 * How long one request may take in all, however its server drips its answer: the
	 * connection, and the read timeout three times over.
	 */
	Duration requestDeadline() {
		return this.connectTimeout.plus(this.readTimeout.multipliedBy(3));
	}

	/** The largest page: this fetch's own limit, else that of a pushed feed. */
	DataSize pageSizeLimit(DataSize feedSizeLimit) {
		return (this.maxPageSize != null) ? this.maxPageSize : feedSizeLimit;
	}

}
