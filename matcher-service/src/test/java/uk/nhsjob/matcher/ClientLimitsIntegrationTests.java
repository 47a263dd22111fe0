package uk.nhsjob.matcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * The limits per client and overall (docs/alerts.md, "Limits"), on two instances of their
 * own with the default limits per client, sharing the database: the shared test instance
 * has them raised, as every test request comes from loopback. The first instance trusts
 * loopback as a proxy, as the local stack does, the second trusts none. Each test runs in
 * windows of its own, far from the other tests' clock.
 */
@RealInfrastructure
class ClientLimitsIntegrationTests {

	private static final int GLOBAL_CONFIRMATION_EMAILS = 25;

	private static final Instant FAR_FROM_OTHER_TESTS = ServiceClock.LONDON.instant().plus(Duration.ofDays(1000));

	private static SecondMatcher behindProxy;

	private static SecondMatcher direct;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoInstances() {
		List<String> limits = List
			.of("--nhsjob.matcher.limits.confirmation-emails-per-hour=" + GLOBAL_CONFIRMATION_EMAILS);
		behindProxy = new SecondMatcher("matcher-limits-proxied",
				concat(limits, "--server.tomcat.remoteip.internal-proxies=127.0.0.0/8, ::1/128"));
		direct = new SecondMatcher("matcher-limits-direct", limits);
	}

	@AfterAll
	static void stopThem() {
		if (behindProxy != null) {
			behindProxy.close();
		}
		if (direct != null) {
			direct.close();
		}
	}

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	@Test
	void refusesAClientsEleventhAlertInTheHourAndServesItAgainTheNextHour() throws Exception {
		onWindowsOfItsOwn(1);
		for (int i = 1; i <= 10; i++) {
			assertThat(createAlert(behindProxy, "198.51.100.1").statusCode()).isEqualTo(202);
		}

		HttpResponse<String> refused = createAlert(behindProxy, "198.51.100.1");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
		assertThat(createAlert(behindProxy, "198.51.100.2").statusCode()).isEqualTo(202);

		ServiceClock.LONDON.advance(Duration.ofHours(1));
		assertThat(createAlert(behindProxy, "198.51.100.1").statusCode()).isEqualTo(202);
	}

	@Test
	void countsAReSentConfirmationAsARequest() throws Exception {
		onWindowsOfItsOwn(2);
		String email = uniqueEmail();
		for (int i = 1; i <= 10; i++) {
			assertThat(send(behindProxy, "/api/v1/alerts", alert(email), "198.51.100.3").statusCode()).isEqualTo(202);
		}
		assertThat(send(behindProxy, "/api/v1/alerts", alert(email), "198.51.100.3").statusCode()).isEqualTo(429);
	}

	@Test
	void twoInstancesShareOneCount() throws Exception {
		onWindowsOfItsOwn(3);
		for (int i = 1; i <= 5; i++) {
			assertThat(createAlert(behindProxy, null).statusCode()).isEqualTo(202);
			assertThat(createAlert(direct, null).statusCode()).isEqualTo(202);
		}
		assertThat(createAlert(behindProxy, null).statusCode()).isEqualTo(429);
		assertThat(createAlert(direct, null).statusCode()).isEqualTo(429);
	}

	@Test
	void countsTheRightmostForwardedAddressFromATrustedProxy() throws Exception {
		onWindowsOfItsOwn(4);
		for (int i = 1; i <= 10; i++) {
			// whatever a client puts in the header itself, the proxy's own entry is last
			assertThat(createAlert(behindProxy, "203.0.113." + i + ", 198.51.100.4").statusCode()).isEqualTo(202);
		}
		assertThat(createAlert(behindProxy, "198.51.100.4").statusCode()).isEqualTo(429);
		assertThat(createAlert(behindProxy, "198.51.100.5").statusCode()).isEqualTo(202);
		assertThat(createAlert(behindProxy, null).statusCode()).isEqualTo(202);
	}

	@Test
	void ignoresForwardedAddressesFromAConnectionThatIsNoTrustedProxy() throws Exception {
		onWindowsOfItsOwn(5);
		for (int i = 1; i <= 10; i++) {
			assertThat(createAlert(direct, "198.51.100." + (10 + i)).statusCode()).isEqualTo(202);
		}
		assertThat(createAlert(direct, "198.51.100.99").statusCode()).isEqualTo(429);
	}

	@Test
	void countsAnIpv6ClientByItsSlash64() throws Exception {
		onWindowsOfItsOwn(6);
		for (int i = 1; i <= 10; i++) {
			assertThat(createAlert(behindProxy, "2001:db8:1:2::" + Integer.toHexString(i)).statusCode()).isEqualTo(202);
		}
		assertThat(createAlert(behindProxy, "2001:db8:1:2:ffff:1:2:3").statusCode()).isEqualTo(429);
		assertThat(createAlert(behindProxy, "2001:db8:1:3::1").statusCode()).isEqualTo(202);
	}

	@Test
	void refusesConfirmationEmailsOverTheServicesHourlyLimitWhicheverClientAndInstance() throws Exception {
		onWindowsOfItsOwn(7);
		for (int i = 1; i <= GLOBAL_CONFIRMATION_EMAILS; i++) {
			boolean first = i <= 5;
			assertThat(createAlert(first ? direct : behindProxy, first ? null : "192.0.2." + i).statusCode())
				.isEqualTo(202);
		}
		HttpResponse<String> refused = createAlert(behindProxy, "192.0.2.200");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void refusesAClientsSixtyFirstPreviewInAMinute() throws Exception {
		onWindowsOfItsOwn(8);
		for (int i = 1; i <= 60; i++) {
			assertThat(
					send(behindProxy, "/api/v1/alerts/preview", "{\"postcode\": \"LS6\"}", "198.51.100.6").statusCode())
				.isEqualTo(200);
		}
		HttpResponse<String> refused = send(behindProxy, "/api/v1/alerts/preview", "{\"postcode\": \"LS6\"}",
				"198.51.100.6");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));

		HttpResponse<String> page = form(behindProxy, "/preview", Map.of("postcode", "LS6"), "198.51.100.6");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Try again later");

		assertThat(send(behindProxy, "/api/v1/alerts/preview", "{\"postcode\": \"LS6\"}", "198.51.100.7").statusCode())
			.isEqualTo(200);
	}

	@Test
	void theSubscriptionFormAnswersAPageOverTheLimit() throws Exception {
		onWindowsOfItsOwn(9);
		for (int i = 1; i <= 10; i++) {
			assertThat(createAlert(behindProxy, "198.51.100.8").statusCode()).isEqualTo(202);
		}
		HttpResponse<String> page = form(behindProxy, "/",
				Map.of("email", uniqueEmail(), "postcode", "LS6", "frequency", "DAILY"), "198.51.100.8");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("Try again later");

		HttpResponse<String> served = form(behindProxy, "/",
				Map.of("email", uniqueEmail(), "postcode", "LS6", "frequency", "DAILY"), "198.51.100.9");
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).contains("Check your email");
	}

	/**
	 * Asking for the link to an address's alerts counts with the client's alert
	 * creations, on the API and on the form.
	 */
	@Test
	void refusesAClientsEleventhManageLinkWithProblemJsonAndThePageWithAPage() throws Exception {
		onWindowsOfItsOwn(10);
		for (int i = 1; i <= 10; i++) {
			assertThat(send(behindProxy, "/api/v1/candidates/manage-link", "{\"email\": \"" + uniqueEmail() + "\"}",
					"198.51.100.10")
				.statusCode()).isEqualTo(202);
		}
		HttpResponse<String> refused = send(behindProxy, "/api/v1/candidates/manage-link",
				"{\"email\": \"" + uniqueEmail() + "\"}", "198.51.100.10");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();

		HttpResponse<String> page = form(behindProxy, "/alerts/find", Map.of("email", uniqueEmail()), "198.51.100.10");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("Try again later");
	}

	/** At the start of an hour of the service's clock that no other test uses. */
	private static void onWindowsOfItsOwn(int test) {
		Instant hour = FAR_FROM_OTHER_TESTS.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.plus(Duration.ofHours(10L * test));
		ServiceClock.LONDON.setTo(hour);
	}

	private HttpResponse<String> createAlert(SecondMatcher instance, @Nullable String forwardedFor) throws Exception {
		return send(instance, "/api/v1/alerts", alert(uniqueEmail()), forwardedFor);
	}

	private static String alert(String email) {
		return """
				{"email": "%s", "criteria": {"postcode": "LS6", "radiusMiles": 5}, "frequency": "DAILY"}"""
			.formatted(email);
	}

	private HttpResponse<String> send(SecondMatcher instance, String path, String json, @Nullable String forwardedFor)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> form(SecondMatcher instance, String path, Map<String, String> fields,
			@Nullable String forwardedFor) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> concat(List<String> list, String more) {
		return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
	}

}
