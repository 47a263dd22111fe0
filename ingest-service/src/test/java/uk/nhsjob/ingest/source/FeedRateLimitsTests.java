package uk.nhsjob.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each source's allowance of feeds, on a clock the test moves. */
class FeedRateLimitsTests {

	final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

	final FeedRateLimits limits = new FeedRateLimits(settings(3, Duration.ofMinutes(1)), this.clock);

	@Test
	void refusesTheFeedAfterTheAllowanceWithWhenToComeBack() {
		takeTimes("leeds", 3);

		ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
				() -> this.limits.take("leeds"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// 3 a minute refill one every 20 s
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
	}

	@Test
	void leavesOtherSourcesUnaffected() {
		takeTimes("leeds", 3);

		assertThatNoException().isThrownBy(() -> takeTimes("york", 3));
	}

	@Test
	void allowsFeedsAgainAsTimePasses() {
		takeTimes("leeds", 3);

		this.clock.advance(Duration.ofSeconds(19));
		assertThat(catchThrowableOfType(ErrorResponseException.class, () -> this.limits.take("leeds")).getHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		this.clock.advance(Duration.ofSeconds(1));

		assertThatNoException().isThrownBy(() -> this.limits.take("leeds"));
	}

	private void takeTimes(String sourceId, int times) {
		for (int i = 0; i < times; i++) {
			this.limits.take(sourceId);
		}
	}

	static IngestSettings settings(int feeds, Duration per) {
		return new IngestSettings("", DataSize.ofMegabytes(10), "classpath:pay-scales/x.csv",
				new IngestSettings.Outbox(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1), 500),
				new IngestSettings.RateLimit(feeds, per),
				new IngestSettings.FeedLease(Duration.ofSeconds(30), Duration.ofMinutes(1)), 50_000);
	}

}
