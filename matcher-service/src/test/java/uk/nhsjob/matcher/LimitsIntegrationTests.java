package uk.nhsjob.matcher;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * The limits: confirmation emails per address and hour, request bodies. The alerts per
 * address are {@link AddressQuotaIntegrationTests}'.
 */
@MatcherIntegrationTest
class LimitsIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MovableClock clock;

	@LocalServerPort
	private int port;

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	@Test
	void overFiveConfirmationEmailsAnHourAnswersAsUsualButAsksForNoEmail() {
		String email = uniqueEmail();
		String first = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": 1}");
		for (int radius = 2; radius <= 5; radius++) {
			this.world.candidates()
				.createAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": %d}".formatted(radius));
		}

		String sixth = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": 6}");
		assertThat(this.world.profiles().await(sixth, (profile) -> true).path("confirmationRequest").asInt()).isZero();
		assertThat(this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": 1}"))
			.isEqualTo(first);

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": 1}"))
			.isEqualTo(first);
		JsonNode again = this.world.profiles()
			.await(first, (profile) -> profile.path("confirmationRequest").asInt() == 2);
		assertThat(again.path("revision").asLong()).isEqualTo(2);
		assertThat(this.world.profiles().values(first))
			.extracting((profile) -> profile.path("confirmationRequest").asInt())
			.containsExactly(1, 2);
	}

	@Test
	void refusesABodyOverSixteenKilobytesAsProblemJson() {
		String keywords = "a".repeat(17 * 1024);
		this.world.http()
			.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"email": "%s", "criteria": {"keywords": "%s"}, "frequency": "DAILY"}""".formatted(uniqueEmail(),
					keywords))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);
	}

	@Test
	void refusesABodyOfUndeclaredLengthOverTheLimitAndReadsOneUnderIt() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String tooLarge = """
				{"email": "%s", "criteria": {"keywords": "%s"}, "frequency": "DAILY"}""".formatted(uniqueEmail(),
				"a".repeat(17 * 1024));
		HttpResponse<String> refused = client.send(chunked(tooLarge), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));

		String small = """
				{"email": "%s", "criteria": {"keywords": "audio typing"}, "frequency": "DAILY"}"""
			.formatted(uniqueEmail());
		HttpResponse<String> accepted = client.send(chunked(small), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.body()).contains("PENDING_CONFIRMATION");
	}

	/** A request whose body has no declared length: sent in chunks. */
	private HttpRequest chunked(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/alerts"))
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
	}

}
