package uk.nhsjob.ingest.pull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.feed.PulledFeeds;
import uk.nhsjob.ingest.pull.fetch.SourceFetcher;
import uk.nhsjob.ingest.source.SourceDirectory;
import uk.nhsjob.platform.background.BackgroundReaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pulled sources on the whole service, against a real HTTP server on loopback serving an
 * NHS Jobs search of two pages: the admin calls, a pull taken in as a feed of its source,
 * the ETag and {@code 304}, the pause after failures, a snapshot pull that must close
 * nothing, and a job pulled by a second source taken as a duplicate.
 */
@IngestServiceTest
class PullTests {

	private static final PulledSite SITES = new PulledSite();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("pulled", "NHS_TRUST", "LS1 3EX");

	@RegisterExtension
	final RegisteredSource listing = new RegisteredSource("listing", "NHS_TRUST", "LS1 3EX");

	@Autowired
	PullStore store;

	@Autowired
	PulledFeeds feeds;

	@Autowired
	SourceDirectory sources;

	@Autowired
	SourceFetcher fetcher;

	@Autowired
	PullSettings settings;

	@Autowired
	MeterRegistry meters;

	@AfterAll
	static void stopTheSites() {
		SITES.close();
	}

	@Test
	void setsAPullThatRunsAtOnceAndTakesInBothPagesAsAFeed() {
		PulledSite.Site site = SITES.site(this.source.id());

		Response set = putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", null);

		assertThat(set.status()).as(set.text()).isEqualTo(200);
		assertThat(set.json().path("url").asString()).isEqualTo(SITES.url(site));
		assertThat(set.json().path("format").asString()).isEqualTo("nhs-jobs-xml");
		assertThat(set.json().path("every").asString()).isEqualTo("PT1H");
		assertThat(set.json().path("mode").asString()).isEqualTo("snapshot");
		JsonNode pull = awaitLatest(1);
		assertThat(pull.path("outcome").asString()).isEqualTo("published");
		assertThat(pull.path("httpStatus").asInt()).isEqualTo(200);
		int both = PulledSite.vacanciesOnBothPages();
		assertThat(pull.path("receipt").path("received").asInt()).isEqualTo(both);
		assertThat(pull.path("receipt").path("published").asInt() + pull.path("receipt").path("rejected").size())
			.isEqualTo(both);
		assertThat(pull.path("receipt").path("feedId").asString()).isNotBlank();
		assertThat(openVacancies()).isEqualTo(pull.path("receipt").path("published").asInt()).isGreaterThan(3);
		JsonNode pulls = pulls().json();
		assertThat(pulls.path("paused").asBoolean()).isFalse();
		assertThat(pulls.path("pull").path("url").asString()).isEqualTo(SITES.url(site));
		assertThat(pulls.path("nextDueAt").asString()).isNotBlank();
		assertThat(
				this.meters.counter("nhsjob.ingest.pulls", "source", this.source.id(), "outcome", "published").count())
			.isEqualTo(1);
	}

	@Test
	void aJobPulledFromASecondSourceIsADuplicateOfTheCopyAlreadyOpen() {
		putPull(SITES.url(SITES.site(this.source.id())), "nhs-jobs-xml", "PT1H", null);
		int first = openVacancies(awaitLatest(1));
		String listingPull = "/api/v1/admin/sources/" + this.listing.id() + "/pull";

		Response set = this.listing.api()
			.put(listingPull, IngestApi.ADMIN_TOKEN, IngestApi.toJson(Map.of("url",
					SITES.url(SITES.site(this.listing.id())), "format", "nhs-jobs-xml", "every", "PT1H")));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		await().atMost(WAIT)
			.until(() -> this.listing.api()
				.get(listingPull + "s", IngestApi.ADMIN_TOKEN)
				.json()
				.path("latest")
				.path(0)
				.path("outcome")
				.asString()
				.equals("published"));

		Response copies = this.listing.api()
			.get("/api/v1/feeds/" + this.listing.id() + "/vacancies", this.listing.key());
		assertThat(copies.json().path("vacancies")).hasSize(first);
		copies.json().path("vacancies").forEach((copy) -> {
			assertThat(copy.path("duplicateOf").asString()).as(copy.path("id").asString())
				.isNotBlank()
				.doesNotStartWith(this.listing.id() + ":");
			assertThat(copy.path("jobId").asString()).doesNotStartWith(this.listing.id() + ":");
		});
	}

	@Test
	void keepsTheETagAndAnswerOf304ChangesNothing() {
		PulledSite.Site site = SITES.site(this.source.id());
		putPull(SITES.url(site), "nhs-jobs-xml", this.settings.minPeriod().toString(), "snapshot");
		int open = openVacancies(awaitLatest(1));

		JsonNode second = awaitLatest(2);

		assertThat(second.path("outcome").asString()).isEqualTo("not-modified");
		assertThat(second.path("httpStatus").asInt()).isEqualTo(304);
		assertThat(second.has("receipt")).isFalse();
		assertThat(site.ifNoneMatch).contains("\"v1\"");
		assertThat(openVacancies()).isEqualTo(open);
	}

	@Test
	void aSnapshotPullFailingOnItsLastPageClosesNothing() {
		PulledSite.Site site = SITES.site(this.source.id());
		putPull(SITES.url(site), "nhs-jobs-xml", this.settings.minPeriod().toString(), "snapshot");
		int open = openVacancies(awaitLatest(1));
		site.version = 2;
		site.failingPage = 2;

		JsonNode failed = awaitOutcome("failed");

		assertThat(failed.path("error").asString()).contains("500");
		assertThat(openVacancies()).isEqualTo(open);
	}

	@Test
	void aSnapshotPullThatFindsNoVacancyClosesNothing() {
		PulledSite.Site site = SITES.site(this.source.id());
		putPull(SITES.url(site), "nhs-jobs-xml", this.settings.minPeriod().toString(), "snapshot");
		int open = openVacancies(awaitLatest(1));
		site.version = 2;
		site.empty = true;

		JsonNode empty = awaitLatest(2);

		assertThat(empty.path("outcome").asString()).isEqualTo("published");
		assertThat(empty.path("receipt").path("received").asInt()).isZero();
		assertThat(empty.path("receipt").path("closed").asInt()).isZero();
		assertThat(openVacancies()).isEqualTo(open);
	}

	@Test
	void pausesAPullAfterFiveFailuresInARowAndAPutResumesIt() {
		PulledSite.Site site = SITES.site(this.source.id());
		site.failingPage = 1;
		site.failingStatus = 503;
		putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", null);

		await().atMost(WAIT).until(() -> pulls().json().path("paused").asBoolean());

		JsonNode paused = pulls().json();
		assertThat(paused.path("pausedReason").asString()).contains("5 failed pulls").contains("503");
		assertThat(paused.path("latest")).hasSize(5)
			.allSatisfy((pull) -> assertThat(pull.path("outcome").asString()).isEqualTo("failed"));
		int asked = site.requests.get();
		site.failingPage = 0;
		assertThat(putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", null).status()).isEqualTo(200);
		JsonNode resumed = awaitLatest(6);
		assertThat(resumed.path("outcome").asString()).isEqualTo("published");
		assertThat(pulls().json().path("paused").asBoolean()).isFalse();
		assertThat(site.requests.get()).isGreaterThan(asked);
	}

	@Test
	void answersTheAdminCallsWithProblemsNamingTheField() {
		PulledSite.Site site = SITES.site(this.source.id());
		String url = SITES.url(site);

		Response linkLocal = putPull("https://169.254.169.254/latest/meta-data", "nhs-jobs-xml", "PT1H", null);
		Response notAUrl = putPull("not a url", "nhs-jobs-xml", "PT1H", null);
		Response format = putPull(url, "xml", "PT1H", null);
		Response tooOften = putPull(url, "nhs-jobs-xml", this.settings.minPeriod().minusMillis(1).toString(), null);
		Response notADuration = putPull(url, "nhs-jobs-xml", "hourly", null);
		Response mode = putPull(url, "nhs-jobs-xml", "PT1H", "sometimes");

		assertThat(fieldsNamed(linkLocal)).containsExactly("url");
		assertThat(fieldsNamed(notAUrl)).containsExactly("url");
		assertThat(fieldsNamed(format)).containsExactly("format");
		assertThat(fieldsNamed(tooOften)).containsExactly("every");
		assertThat(fieldsNamed(notADuration)).containsExactly("every");
		assertThat(fieldsNamed(mode)).containsExactly("mode");
		assertThat(pulls().status()).isEqualTo(404);
		assertThat(site.requests.get()).isZero();
	}

	@Test
	void answers404ForAnUnknownSourceOrPullAnd204WhenStopped() {
		PulledSite.Site site = SITES.site(this.source.id());
		IngestApi api = this.source.api();
		String unknown = "/api/v1/admin/sources/" + IngestApi.uniqueSourceId("nobody");

		Response putUnknown = api.put(unknown + "/pull", IngestApi.ADMIN_TOKEN,
				IngestApi.toJson(Map.of("url", SITES.url(site), "format", "nhs-jobs-xml", "every", "PT1H")));
		Response deleteNone = api.delete(path("/pull"), IngestApi.ADMIN_TOKEN);
		Response withoutToken = api.put(path("/pull"), null,
				IngestApi.toJson(Map.of("url", SITES.url(site), "format", "nhs-jobs-xml", "every", "PT1H")));

		assertThat(putUnknown.status()).isEqualTo(404);
		assertThat(putUnknown.isProblem()).isTrue();
		assertThat(deleteNone.status()).isEqualTo(404);
		assertThat(withoutToken.status()).isEqualTo(401);
		assertThat(putPull(SITES.url(site), "json", "PT1H", "delta").status()).isEqualTo(200);
		assertThat(api.delete(path("/pull"), IngestApi.ADMIN_TOKEN).status()).isEqualTo(204);
		assertThat(pulls().status()).isEqualTo(404);
		assertThat(api.delete(path("/pull"), IngestApi.ADMIN_TOKEN).status()).isEqualTo(404);
	}

	@Test
	void severalSchedulersNeverRunOnePullAtOnce() throws InterruptedException {
		PulledSite.Site site = SITES.site(this.source.id());
		site.delayMillis = 300;
		putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", null);

		ticking(otherInstance(), otherInstance());

		awaitLatest(1);
		assertThat(pulls().json().path("latest")).hasSize(1);
		assertThat(site.requests.get()).isEqualTo(PulledSite.PAGES.size());
		assertThat(site.mostInFlight.get()).isEqualTo(1);
	}

	@Test
	void settingAPullAgainWhileItRunsLetsThatRunEndThenRunsTheNewSettingsAtOnce() {
		PulledSite.Site site = SITES.site(this.source.id());
		site.delayMillis = 1000;
		putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", "snapshot");
		await().atMost(WAIT).until(() -> site.requests.get() >= 1);
		ExecutorService other = Executors.newSingleThreadExecutor();
		other.submit(() -> ticking(otherInstance()));

		assertThat(putPull(SITES.url(site), "nhs-jobs-xml", "PT1H", "delta").status()).isEqualTo(200);

		awaitLatest(2);
		other.shutdown();
		assertThat(site.mostInFlight.get()).isEqualTo(1);
		assertThat(site.requests.get()).isEqualTo(2 * PulledSite.PAGES.size());
		assertThat(pulls().json().path("pull").path("mode").asString()).isEqualTo("delta");
	}

	/**
	 * A scheduler as another instance of the service would run, on the same database.
	 */
	private PullScheduler otherInstance() {
		MeterRegistry meters = new SimpleMeterRegistry();
		PullRunner runner = new PullRunner(this.store, this.fetcher::fetch, this.feeds, this.sources, meters,
				this.settings, ServiceClock.CLOCK);
		return new PullScheduler(this.store, runner, this.settings, ServiceClock.CLOCK,
				new BackgroundReaders(meters).register("other-instance"));
	}

	/** Each scheduler ticks 40 times, 50 ms apart, on a thread of its own. */
	private static Void ticking(PullScheduler... schedulers) throws InterruptedException {
		ExecutorService instances = Executors.newFixedThreadPool(schedulers.length);
		for (PullScheduler scheduler : schedulers) {
			instances.submit(() -> {
				for (int tick = 0; tick < 40; tick++) {
					scheduler.tick();
					Thread.sleep(50);
				}
				return null;
			});
		}
		instances.shutdown();
		assertThat(instances.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		return null;
	}

	private Response putPull(String url, String format, String every, String mode) {
		Map<String, String> body = new HashMap<>(Map.of("url", url, "format", format, "every", every));
		if (mode != null) {
			body.put("mode", mode);
		}
		return this.source.api().put(path("/pull"), IngestApi.ADMIN_TOKEN, IngestApi.toJson(body));
	}

	private Response pulls() {
		return this.source.api().get(path("/pulls"), IngestApi.ADMIN_TOKEN);
	}

	private String path(String end) {
		return "/api/v1/admin/sources/" + this.source.id() + end;
	}

	/** The newest pull, once there are this many. */
	private JsonNode awaitLatest(int count) {
		await().atMost(WAIT).until(() -> pulls().json().path("latest").size() >= count);
		return pulls().json().path("latest").get(0);
	}

	private JsonNode awaitOutcome(String outcome) {
		await().atMost(WAIT)
			.until(() -> outcome.equals(pulls().json().path("latest").get(0).path("outcome").asString()));
		return pulls().json().path("latest").get(0);
	}

	private int openVacancies(JsonNode published) {
		assertThat(published.path("outcome").asString()).isEqualTo("published");
		return openVacancies();
	}

	private int openVacancies() {
		Response open = this.source.api().get("/api/v1/feeds/" + this.source.id() + "/vacancies", this.source.key());
		assertThat(open.status()).as(open.text()).isEqualTo(200);
		return open.json().path("vacancies").size();
	}

	private static List<String> fieldsNamed(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

}
