package uk.nhsjob.ingest.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;

/**
 * Each source's own allowance of feeds (pushes and validations: the calls that carry a
 * document), a token bucket per source, so that one source pushing too often slows only
 * itself. It runs after {@link FeedAuthorization}, so only a source's own key spends its
 * allowance. Kept in this instance's memory: with several instances each allows the rate.
 */
@Component
class FeedRateLimits implements HandlerInterceptor {

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final IngestSettings.RateLimit limit;

	private final TimeMeter time;

	FeedRateLimits(IngestSettings settings, Clock clock) {
		this.limit = settings.rateLimit();
		this.time = new ClockTimeMeter(clock);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return true;
		}
		RegisteredSource source = (RegisteredSource) request.getAttribute(RegisteredSource.REQUEST_ATTRIBUTE);
		if (source != null) {
			take(source.sourceId());
		}
		return true;
	}

	/** Takes one feed from the source's allowance, or refuses with when to come back. */
	void take(String sourceId) {
		ConsumptionProbe probe = this.buckets.computeIfAbsent(sourceId, (id) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw overLimit(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(this.limit.feeds())
				.refillGreedy(this.limit.feeds(), this.limit.per()))
			.withCustomTimePrecision(this.time)
			.build();
	}

	private ErrorResponseException overLimit(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		ErrorResponseException problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "This source may push "
				+ this.limit.feeds() + " feeds every " + this.limit.per() + "; try again in " + seconds + " s.");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		return problem;
	}

	/**
	 * The service's clock as Bucket4j's time, so that tests move time instead of waiting.
	 */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
