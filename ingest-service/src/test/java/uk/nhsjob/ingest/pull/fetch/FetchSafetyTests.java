package uk.nhsjob.ingest.pull.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Where a pull may not go: hosts that resolve to the service's own network, plain http
 * away from loopback, and redirects that lead there or go on too long.
 */
class FetchSafetyTests {

	private static final Map<String, String> NAMES = Map.of("intranet.example.test", "192.168.1.10", "www.example.test",
			"93.184.215.14", "mixed.example.test", "93.184.215.14");

	private PulledSite site;

	@BeforeEach
	void start() throws IOException {
		this.site = PulledSite.plain();
	}

	@AfterEach
	void stop() {
		this.site.close();
	}

	@Test
	void aHostResolvingToLoopbackIsRefusedBeforeAnyConnectionWhenLoopbackIsNotAllowed() throws Exception {
		try (PulledSite secure = PulledSite.tls();
				SourceFetcher fetcher = Fetchers.fetcher(Fetchers.settings(false), NAMES)) {
			secure.answer("/feed.csv", 200, "Job title\n", Map.of());

			FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
					() -> fetcher.fetch(secure.url("https", "/feed.csv"), PullFormat.CSV, Validators.none()));

			assertThat(failure.reason()).isEqualTo(
					"Refused before connecting: jobs.example.test resolves to 127.0.0.1, a loopback address, which is refused");
			assertThat(failure.httpStatus()).isNull();
			assertThat(secure.requests()).isEmpty();
		}
	}

	@Test
	void refusesACertificateItDoesNotTrustOrOfAnotherHost() throws Exception {
		try (PulledSite secure = PulledSite.tls();
				SourceFetcher systemTrust = Fetchers.fetcher(Fetchers.settings(true), NAMES, SSLContext.getDefault());
				SourceFetcher siteTrust = Fetchers.fetcher(Fetchers.settings(true),
						Map.of("other.example.test", "127.0.0.1"))) {
			secure.answer("/feed.csv", 200, "Job title\n", Map.of());

			FetchFailedException untrusted = catchThrowableOfType(FetchFailedException.class,
					() -> systemTrust.fetch(secure.url("https", "/feed.csv"), PullFormat.CSV, Validators.none()));
			FetchFailedException otherHost = catchThrowableOfType(FetchFailedException.class,
					() -> siteTrust.fetch(URI.create("https://other.example.test:" + secure.port() + "/feed.csv"),
							PullFormat.CSV, Validators.none()));

			assertThat(untrusted.reason()).startsWith("The TLS connection failed");
			assertThat(otherHost.reason()).startsWith("The TLS connection failed");
			assertThat(secure.requests()).isEmpty();
		}
	}

	@Test
	void aRedirectToAPrivateAddressIsRefused() throws Exception {
		this.site.answer("/moved", 302, "", Map.of("Location", "http://10.0.0.1/feed.csv"));
		this.site.answer("/moved-by-name", 301, "", Map.of("Location", "https://intranet.example.test/feed.csv"));
		try (SourceFetcher fetcher = Fetchers.fetcher(Fetchers.settings(true), NAMES)) {

			FetchFailedException literal = catchThrowableOfType(FetchFailedException.class,
					() -> fetcher.fetch(this.site.url("http", "/moved"), PullFormat.CSV, Validators.none()));
			FetchFailedException named = catchThrowableOfType(FetchFailedException.class,
					() -> fetcher.fetch(this.site.url("http", "/moved-by-name"), PullFormat.CSV, Validators.none()));

			assertThat(literal.reason()).isEqualTo("A redirect went to a URL that must not name a private address");
			assertThat(named.reason()).isEqualTo(
					"Refused before connecting: intranet.example.test resolves to 192.168.1.10, a private address, which is refused");
		}
	}

	@Test
	void followsUpToThreeRedirectsAndRefusesAFourth() throws Exception {
		for (int hop = 1; hop <= 4; hop++) {
			this.site.answer("/hop" + hop, 302, "", Map.of("Location", "/hop" + (hop + 1)));
		}
		this.site.answer("/hop5", 200, "Job title\nMedical Secretary\n", Map.of());
		try (SourceFetcher fetcher = Fetchers.allowingLoopback()) {

			Fetch threeHops = fetcher.fetch(this.site.url("http", "/hop2"), PullFormat.CSV, Validators.none());
			int afterThreeHops = this.site.requests().size();
			FetchFailedException fourHops = catchThrowableOfType(FetchFailedException.class,
					() -> fetcher.fetch(this.site.url("http", "/hop1"), PullFormat.CSV, Validators.none()));

			assertThat(new String(((Fetch.Pages) threeHops).pages().get(0).body(), StandardCharsets.UTF_8))
				.isEqualTo("Job title\nMedical Secretary\n");
			assertThat(afterThreeHops).isEqualTo(4);
			assertThat(fourHops.reason()).isEqualTo("More than 3 redirects were refused");
			assertThat(fourHops.httpStatus()).isEqualTo(302);
			assertThat(this.site.requests()).hasSize(8);
		}
	}

	@Test
	void plainHttpToAHostThatIsNotLoopbackIsRefused() throws Exception {
		try (SourceFetcher loopbackAllowed = Fetchers.fetcher(Fetchers.settings(true), NAMES);
				SourceFetcher httpsOnly = Fetchers.fetcher(Fetchers.settings(false), NAMES)) {

			FetchFailedException resolved = catchThrowableOfType(FetchFailedException.class, () -> loopbackAllowed
				.fetch(URI.create("http://www.example.test/feed.csv"), PullFormat.CSV, Validators.none()));
			FetchFailedException http = catchThrowableOfType(FetchFailedException.class,
					() -> httpsOnly.fetch(this.site.url("http", "/feed.csv"), PullFormat.CSV, Validators.none()));

			assertThat(resolved.reason()).isEqualTo("Refused before connecting: www.example.test resolves to "
					+ "93.184.215.14, and plain http is only allowed to a loopback address");
			assertThat(http.reason()).isEqualTo("The URL must be an https URL");
			assertThat(this.site.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					https://jobs.example.org/feed.xml          | false |
					https://jobs.example.org:8443/feed?page=2  | false |
					http://jobs.example.org/feed.xml           | false | must be an https URL
					http://localhost:8080/feed.xml             | false | must be an https URL
					http://localhost:8080/feed.xml             | true  |
					http://127.0.0.1:8080/feed.xml             | true  |
					http://93.184.215.14/feed.xml              | true  | must be an https URL (plain http is only allowed to a loopback address)
					https://127.0.0.1/feed.xml                 | false | must not name a loopback address
					https://10.1.2.3/feed.xml                  | true  | must not name a private address
					https://[fd00::1]/feed.xml                 | false | must not name a private address
					https://169.254.169.254/latest/meta-data   | true  | must not name a link-local address
					https://1.2.3.4.5/feed.xml                 | false | must be an absolute URL with a host
					ftp://jobs.example.org/feed.xml            | false | must be an https URL
					https://user:secret@jobs.example.org/feed  | false | must not hold a user name or password
					/feed.xml                                  | false | must be an absolute URL with a host
					""")
	void saysWhatIsWrongWithAUrlWithoutLookingItUp(String url, boolean allowLoopback, String problem) throws Exception {
		try (SourceFetcher fetcher = new SourceFetcher(Fetchers.settings(allowLoopback),
				org.springframework.util.unit.DataSize.ofKilobytes(1), PulledSite.trustingItsCertificate(), (host) -> {
					throw new AssertionError("looked up " + host);
				})) {

			assertThat(fetcher.problemWith(URI.create(url))).isEqualTo(problem);
		}
	}

}
