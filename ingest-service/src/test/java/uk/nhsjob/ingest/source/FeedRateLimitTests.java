package uk.nhsjob.ingest.source;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A source over its allowance is told to wait; nobody else is. */
@IngestServiceTest
@TestPropertySource(properties = { "nhsjob.ingest.rate-limit.feeds=2", "nhsjob.ingest.rate-limit.per=1h" })
class FeedRateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void answersTooManyRequestsWithRetryAfterToASourceOverItsLimitOnly() {
		IngestApi api = new IngestApi(this.port);
		String busy = IngestApi.uniqueSourceId("busy");
		String busyKey = api.newSource(busy, "NHS_TRUST", "LS1 4AP");
		String quiet = IngestApi.uniqueSourceId("quiet");
		String quietKey = api.newSource(quiet, "NHS_TRUST", "LS1 4AP");
		String feed = Feeds.feed(Feeds.vacancy("MS-1"));

		assertThat(api.pushFeed(busy, busyKey, feed).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/feeds/" + busy + "/validate", busyKey, "application/json", feed).status())
			.isEqualTo(200);
		Response refused = api.pushFeed(busy, busyKey, feed);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 1800L));
		assertThat(api.get("/api/v1/feeds/" + busy + "/vacancies", busyKey).status()).isEqualTo(200);
		assertThat(api.pushFeed(quiet, quietKey, feed).status()).isEqualTo(200);
	}

	@Test
	void spendsNothingOfASourcesAllowanceOnCallsWithoutItsKey() {
		IngestApi api = new IngestApi(this.port);
		String target = IngestApi.uniqueSourceId("target");
		String key = api.newSource(target, "NHS_TRUST", "LS1 4AP");
		String feed = Feeds.feed(Feeds.vacancy("MS-1"));

		for (int i = 0; i < 3; i++) {
			assertThat(api.pushFeed(target, "wrong-key", feed).status()).isEqualTo(401);
		}

		assertThat(api.pushFeed(target, key, feed).status()).isEqualTo(200);
	}

}
