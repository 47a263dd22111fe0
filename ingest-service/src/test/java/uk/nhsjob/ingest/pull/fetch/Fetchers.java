package uk.nhsjob.ingest.pull.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.springframework.util.unit.DataSize;

/** Fetchers for tests: short timeouts, a small page limit, the test's host names. */
final class Fetchers {

	static final URI CONTACT = URI.create("https://alerts.example.test/contact");

	private Fetchers() {
	}

	static FetchSettings settings(boolean allowLoopback) {
		return new FetchSettings(allowLoopback, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, 50, null, CONTACT,
				null);
	}

	static SourceFetcher allowingLoopback() throws Exception {
		return fetcher(settings(true), Map.of());
	}

	static SourceFetcher fetcher(FetchSettings settings, Map<String, String> names) throws Exception {
		return fetcher(settings, names, PulledSite.trustingItsCertificate());
	}

	static SourceFetcher fetcher(FetchSettings settings, Map<String, String> names, SSLContext tls) {
		return new SourceFetcher(settings, DataSize.ofKilobytes(64), tls, PulledSite.names(names));
	}

}
