package uk.nhsjob.ingest.pull.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.nhsjob.ingest.pull.fetch.PulledSite.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What a pull brings from a real web site on a loopback port: pages, conditional
 * requests, failures, timeouts and the size limit.
 */
class SourceFetcherTests {

	private PulledSite site;

	private SourceFetcher fetcher;

	@BeforeEach
	void start() throws Exception {
		this.site = PulledSite.plain();
		this.fetcher = Fetchers.allowingLoopback();
	}

	@AfterEach
	void stop() throws IOException {
		this.fetcher.close();
		this.site.close();
	}

	@Test
	void followsEveryNhsJobsPageInOrderReplacingThePageParameter() {
		AtomicInteger asked = new AtomicInteger();
		this.site.on("/search", (exchange) -> {
			asked.incrementAndGet();
			String page = exchange.getRequestURI().getQuery().replaceAll(".*page=(\\d+).*", "$1");
			PulledSite.send(exchange, 200, nhsSearchPage(page, 3), Map.of("Content-Type", "application/xml"));
		});

		Fetch fetch = this.fetcher.fetch(this.site.url("http", "/search?keyword=secretary&page=1"),
				PullFormat.NHS_JOBS_XML, Validators.none());

		assertThat(fetch).isInstanceOf(Fetch.Pages.class);
		List<PulledPage> pages = ((Fetch.Pages) fetch).pages();
		assertThat(pages).extracting((page) -> new String(page.body(), StandardCharsets.UTF_8))
			.containsExactly(nhsSearchPage("1", 3), nhsSearchPage("2", 3), nhsSearchPage("3", 3));
		assertThat(pages).extracting(PulledPage::contentType).containsOnly("application/xml");
		assertThat(this.site.requests()).extracting((request) -> request.uri().getRawQuery())
			.containsExactly("keyword=secretary&page=1", "keyword=secretary&page=2", "keyword=secretary&page=3");
		assertThat(this.site.requests()).extracting((request) -> request.header("User-Agent"))
			.containsOnly("NHSJob-Alerts/1.0 (+https://alerts.example.test/contact)");
	}

	@Test
	void aFeedWithMorePagesThanAllowedFailsWithoutFetchingThem() throws Exception {
		this.site.answer("/search", 200, nhsSearchPage("1", 3), Map.of());
		try (SourceFetcher twoPages = Fetchers.fetcher(new FetchSettings(true, Duration.ofSeconds(2),
				Duration.ofSeconds(2), 3, 2, null, Fetchers.CONTACT, null), Map.of())) {

			FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
					() -> twoPages.fetch(this.site.url("http", "/search"), PullFormat.NHS_JOBS_XML, Validators.none()));

			assertThat(failure.reason()).contains("3 pages").contains("max-pages");
			assertThat(this.site.requests()).hasSize(1);
		}
	}

	@Test
	void aFailureOnTheLastPageFailsTheWholeFetch() {
		this.site.on("/search", (exchange) -> {
			boolean last = exchange.getRequestURI().getQuery() != null
					&& exchange.getRequestURI().getQuery().contains("page=3");
			PulledSite.send(exchange, last ? 500 : 200, last ? "" : nhsSearchPage("?", 3), Map.of());
		});

		FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/search"), PullFormat.NHS_JOBS_XML, Validators.none()));

		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.reason()).startsWith("Page 3 of 3").contains("500");
		assertThat(this.site.requests()).hasSize(3);
	}

	@Test
	void sendsTheValidatorsAndTakesA304AsNothingChanged() {
		String etag = "\"v7\"";
		String lastModified = "Sat, 05 Dec 2026 09:00:00 GMT";
		this.site.on("/feed.csv", (exchange) -> {
			boolean unchanged = etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
			PulledSite.send(exchange, unchanged ? 304 : 200, unchanged ? "" : "Job title\nMedical Secretary\n",
					Map.of("ETag", etag, "Last-Modified", lastModified));
		});

		Fetch first = this.fetcher.fetch(this.site.url("http", "/feed.csv"), PullFormat.CSV, Validators.none());
		Fetch second = this.fetcher.fetch(this.site.url("http", "/feed.csv"), PullFormat.CSV,
				((Fetch.Pages) first).validators());

		assertThat(((Fetch.Pages) first).validators()).isEqualTo(new Validators(etag, lastModified));
		assertThat(((Fetch.Pages) first).pages()).singleElement()
			.satisfies((page) -> assertThat(page.contentType()).isEqualTo("text/csv"))
			.satisfies((page) -> assertThat(new String(page.body(), StandardCharsets.UTF_8))
				.isEqualTo("Job title\nMedical Secretary\n"));
		assertThat(second).isEqualTo(new Fetch.NotModified(new Validators(etag, lastModified)));
		Request conditional = this.site.requests().get(1);
		assertThat(conditional.header("If-None-Match")).isEqualTo(etag);
		assertThat(conditional.header("If-Modified-Since")).isEqualTo(lastModified);
		assertThat(this.site.requests().get(0).header("If-None-Match")).isNull();
	}

	@Test
	void aServerErrorFailsTheFetchWithItsStatusAndTheNextFetchSucceeds() {
		AtomicInteger calls = new AtomicInteger();
		this.site.on("/feed.json", (exchange) -> {
			boolean failing = calls.incrementAndGet() == 1;
			PulledSite.send(exchange, failing ? 500 : 200, failing ? "oops" : "{\"vacancies\":[]}", Map.of());
		});

		FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/feed.json"), PullFormat.JSON, Validators.none()));
		Fetch recovered = this.fetcher.fetch(this.site.url("http", "/feed.json"), PullFormat.JSON, Validators.none());

		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.reason()).isEqualTo("The server answered 500");
		assertThat(((Fetch.Pages) recovered).pages()).singleElement()
			.extracting(PulledPage::contentType)
			.isEqualTo("application/json");
		assertThat(((Fetch.Pages) recovered).httpStatus()).isEqualTo(200);
	}

	@Test
	void aServerSilentForLongerThanTheReadTimeoutFailsTheFetch() throws Exception {
		this.site.on("/slow", (exchange) -> {
			sleep(5_000);
			PulledSite.send(exchange, 200, "late", Map.of());
		});
		try (SourceFetcher impatient = Fetchers.fetcher(new FetchSettings(true, Duration.ofSeconds(2),
				Duration.ofMillis(200), 3, 50, null, Fetchers.CONTACT, null), Map.of())) {

			FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
					() -> impatient.fetch(this.site.url("http", "/slow"), PullFormat.CSV, Validators.none()));

			assertThat(failure.reason()).isEqualTo("No answer within the read timeout of PT0.2S");
			assertThat(failure.httpStatus()).isNull();
		}
	}

	@Test
	void aServerDrippingItsAnswerIsCutOffAtTheRequestDeadline() throws Exception {
		this.site.on("/drip", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (int i = 0; i < 100; i++) {
				out.write('x');
				out.flush();
				sleep(100);
			}
		});
		try (SourceFetcher impatient = Fetchers.fetcher(new FetchSettings(true, Duration.ofMillis(200),
				Duration.ofMillis(300), 3, 50, null, Fetchers.CONTACT, null), Map.of())) {

			FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
					() -> impatient.fetch(this.site.url("http", "/drip"), PullFormat.CSV, Validators.none()));

			assertThat(failure.reason()).isEqualTo("The request took longer than its deadline of PT1.1S");
		}
	}

	@Test
	void stopsReadingAPageLargerThanTheLimit() {
		EndlessBody endless = new EndlessBody(200);
		this.site.on("/huge.csv", endless::send);

		FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/huge.csv"), PullFormat.CSV, Validators.none()));

		assertThat(failure.reason()).isEqualTo("The page is larger than the limit of 65536B");
		endless.assertTheClientLeftEarly();
	}

	@Test
	void readsNothingOfAnErrorPage() {
		EndlessBody endless = new EndlessBody(503);
		this.site.on("/busy.csv", endless::send);

		FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/busy.csv"), PullFormat.CSV, Validators.none()));

		assertThat(failure.httpStatus()).isEqualTo(503);
		endless.assertTheClientLeftEarly();
	}

	@Test
	void refusesAPageWhoseDeclaredLengthIsOverTheLimitWithoutReadingIt() {
		this.site.answer("/big.csv", 200, "x".repeat(65 * 1024), Map.of());

		FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/big.csv"), PullFormat.CSV, Validators.none()));

		assertThat(failure.reason()).isEqualTo("The page is larger than the limit of 65536B");
	}

	@Test
	void acceptsACompressedPageAndHoldsTheLimitToWhatItUnpacksTo() {
		String csv = "Job title\nMedical Secretary\n";
		this.site.on("/small.csv", (exchange) -> sendGzipped(exchange, csv.getBytes(StandardCharsets.UTF_8)));
		this.site.on("/bomb.csv", (exchange) -> sendGzipped(exchange, new byte[1024 * 1024]));

		Fetch small = this.fetcher.fetch(this.site.url("http", "/small.csv"), PullFormat.CSV, Validators.none());
		FetchFailedException bomb = catchThrowableOfType(FetchFailedException.class,
				() -> this.fetcher.fetch(this.site.url("http", "/bomb.csv"), PullFormat.CSV, Validators.none()));

		assertThat(this.site.requests().get(0).header("Accept-Encoding")).contains("gzip");
		assertThat(new String(((Fetch.Pages) small).pages().get(0).body(), StandardCharsets.UTF_8)).isEqualTo(csv);
		assertThat(bomb.reason()).isEqualTo("The page is larger than the limit of 65536B");
	}

	private static void sendGzipped(HttpExchange exchange, byte[] body) throws IOException {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
			gzip.write(body);
		}
		exchange.getResponseHeaders().add("Content-Encoding", "gzip");
		exchange.sendResponseHeaders(200, packed.size());
		exchange.getResponseBody().write(packed.toByteArray());
	}

	@Test
	void fetchesOverTlsFromAServerItsTrustStoreTrusts() throws Exception {
		try (PulledSite secure = PulledSite.tls()) {
			secure.answer("/feed.csv", 200, "Job title\nMedical Secretary\n", Map.of("ETag", "\"tls\""));

			Fetch fetch = this.fetcher.fetch(secure.url("https", "/feed.csv"), PullFormat.CSV, Validators.none());

			assertThat(((Fetch.Pages) fetch).validators()).isEqualTo(new Validators("\"tls\"", null));
			assertThat(new String(((Fetch.Pages) fetch).pages().get(0).body(), StandardCharsets.UTF_8))
				.isEqualTo("Job title\nMedical Secretary\n");
		}
	}

	@Test
	void gathersTheJobPostingsOfACareersPageAndSkipsTheRest() {
		this.site.answer("/careers", 200, CAREERS_PAGE, Map.of("Content-Type", "text/html; charset=utf-8"));

		Fetch fetch = this.fetcher.fetch(this.site.url("http", "/careers"), PullFormat.JSON_LD, Validators.none());

		PulledPage page = ((Fetch.Pages) fetch).pages().get(0);
		assertThat(page.contentType()).isEqualTo("application/ld+json");
		assertThat(new String(page.body(), StandardCharsets.UTF_8).replace(" ", "")).isEqualTo(
				"[{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"identifier\":\"A-1\",\"title\":\"MedicalSecretary\"},"
						+ "{\"@type\":\"JobPosting\",\"identifier\":\"B-1\",\"title\":\"PracticeManager\"},"
						+ "{\"@type\":[\"JobPosting\"],\"identifier\":\"B-2\",\"title\":\"Receptionist\"}]");
	}

	@Test
	void readsACareersPageInTheCharsetItsServerNames() {
		String page = "<html><head><script type=\"application/ld+json\">"
				+ "{\"@type\": \"JobPosting\", \"title\": \"Secretary, \u00a327,485\"}</script></head></html>";
		this.site.on("/careers", (exchange) -> {
			byte[] body = page.getBytes(java.nio.charset.Charset.forName("windows-1252"));
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=windows-1252");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		});

		Fetch fetch = this.fetcher.fetch(this.site.url("http", "/careers"), PullFormat.JSON_LD, Validators.none());

		assertThat(new String(((Fetch.Pages) fetch).pages().get(0).body(), StandardCharsets.UTF_8))
			.isEqualTo("[{\"@type\":\"JobPosting\",\"title\":\"Secretary, \u00a327,485\"}]");
	}

	@Test
	void takesAJsonLdDocumentAsItsPostings() {
		this.site.answer("/jobs.jsonld", 200,
				"{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"Organization\",\"name\":\"X\"},"
						+ "{\"@type\":\"JobPosting\",\"identifier\":\"C-1\"}]}",
				Map.of("Content-Type", "application/ld+json"));

		Fetch fetch = this.fetcher.fetch(this.site.url("http", "/jobs.jsonld"), PullFormat.JSON_LD, Validators.none());

		assertThat(new String(((Fetch.Pages) fetch).pages().get(0).body(), StandardCharsets.UTF_8))
			.isEqualTo("[{\"@type\":\"JobPosting\",\"identifier\":\"C-1\"}]");
	}

	/**
	 * A body of 64 MB, chunked, noting whether the client left before it was all sent.
	 */
	private static final class EndlessBody {

		private static final long OFFERED = 64L * 1024 * 1024;

		private final int status;

		private final AtomicLong written = new AtomicLong();

		private final AtomicBoolean clientLeft = new AtomicBoolean();

		EndlessBody(int status) {
			this.status = status;
		}

		void send(HttpExchange exchange) throws IOException {
			exchange.sendResponseHeaders(this.status, 0);
			byte[] chunk = new byte[16 * 1024];
			try {
				OutputStream out = exchange.getResponseBody();
				while (this.written.get() < OFFERED) {
					out.write(chunk);
					this.written.addAndGet(chunk.length);
				}
			}
			catch (IOException ex) {
				this.clientLeft.set(true);
			}
		}

		void assertTheClientLeftEarly() {
			await().untilTrue(this.clientLeft);
			assertThat(this.written.get()).isLessThan(OFFERED);
		}

	}

	static final String CAREERS_PAGE = """
			<!doctype html>
			<html><head><title>Careers</title>
			<script type="application/ld+json">
			{"@context": "https://schema.org", "@type": "JobPosting", "identifier": "A-1", "title": "Medical Secretary"}
			</script>
			<script type="application/ld+json">
			{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}
			</script>
			<script type="application/ld+json">
			{"@context": "https://schema.org", "@graph": [
			  {"@type": "Organization", "name": "Leeds Road Surgery"},
			  {"@type": "JobPosting", "identifier": "B-1", "title": "Practice Manager"},
			  {"@type": ["JobPosting"], "identifier": "B-2", "title": "Receptionist"}]}
			</script>
			<script type="application/ld+json">{ not json at all </script>
			<script>var jobs = {"@type": "JobPosting"};</script>
			</head><body><h1>Work with us</h1></body></html>
			""";

	static String nhsSearchPage(String page, int totalPages) {
		return "<nhsSearch><totalPages>" + totalPages + "</totalPages><vacancyDetails><id>V-" + page
				+ "</id></vacancyDetails></nhsSearch>";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
