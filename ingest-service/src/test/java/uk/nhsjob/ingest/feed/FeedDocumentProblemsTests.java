package uk.nhsjob.ingest.feed;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-document problems are answered as problem+json, and nothing of the document is
 * taken in. The test service's limit is {@value IngestApi#MAX_FEED_SIZE}.
 */
@IngestServiceTest
class FeedDocumentProblemsTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("problems", "GP_PRACTICE", "LS6 2AB");

	@Test
	void refusesAFeedLargerThanTheLimit() {
		Response response = this.source.api().pushFeed(this.source.id(), this.source.key(), oversizedFeed());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().path("detail").asString()).contains("64KB");
	}

	@Test
	void refusesAStreamedFeedOnceItPassesTheLimit() {
		byte[] body = oversizedFeed().getBytes(StandardCharsets.UTF_8);

		// no Content-Length: sent chunked, so the limit is found while reading
		Response response = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/json",
					BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void refusesContentTypesItDoesNotRead() {
		String feed = Feeds.feed(Feeds.vacancy("X-1"));

		for (String contentType : new String[] { "application/pdf", "text/plain", "not a media type" }) {
			Response response = this.source.api()
				.post("/api/v1/feeds/" + this.source.id(), this.source.key(), contentType, feed);

			assertThat(response.status()).as(contentType).isEqualTo(415);
			assertThat(response.isProblem()).isTrue();
		}
		Response untyped = this.source.api().post("/api/v1/feeds/" + this.source.id(), this.source.key(), null, feed);
		assertThat(untyped.status()).isEqualTo(415);
	}

	@Test
	void readsJsonWhateverItsCharsetParameter() {
		Response response = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/json; charset=UTF-8",
					"{\"vacancies\":[]}");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void refusesAnUnparseableFeed() {
		for (String body : new String[] { "{\"vacancies\": [", "not json", "", "[]", "{\"vacancies\": {}}",
				"{\"vacancies\": [\"a string\"]}" }) {
			Response response = this.source.api().pushFeed(this.source.id(), this.source.key(), body);

			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.isProblem()).isTrue();
		}
	}

	@Test
	void rejectsOnlyTheVacancyWithAFieldThatIsNotText() {
		Response response = this.source.api()
			.pushFeed(this.source.id(), this.source.key(),
					Feeds.feed(Feeds.vacancy("NESTED", Map.of("title", Map.of("text", "Medical Secretary")))));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("rejected").path(0).path("errors").path(0).path("field").asString())
			.isEqualTo("title");
	}

	@Test
	void refusesAnUnknownMode() {
		Response response = this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "?mode=sideways", this.source.key(), "application/json",
					"{\"vacancies\":[]}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
	}

	private static String oversizedFeed() {
		return Feeds.feed(Feeds.vacancy("BIG", Map.of("description", "x".repeat(70 * 1024))));
	}

}
