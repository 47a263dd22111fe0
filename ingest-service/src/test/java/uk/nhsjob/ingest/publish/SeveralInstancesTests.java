package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestApplication;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one MongoDB and one broker: the test's own context and
 * a second one started beside it. Two feeds of one source pushed to both at the same
 * moment take turns, and two relays racing over a vacancy's revisions never send an older
 * one after a newer one; the topic is read back to show it. Two copies of one job pushed
 * from two sources to both at once have exactly one first copy.
 */
@IngestServiceTest
class SeveralInstancesTests {

	private static final int VACANCIES = 4 * IngestApi.OUTBOX_BATCH_SIZE;

	private static final String FIRST_TITLE = "Medical Secretary to Consultant Cardiologist";

	private static final String SECOND_TITLE = "Senior Medical Secretary - Cardiology";

	private static ConfigurableApplicationContext secondInstance;

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("instances", "NHS_TRUST", "LS1 4AP");

	@RegisterExtension
	final RegisteredSource otherSource = new RegisteredSource("instances-other", "NHS_TRUST", "LS1 4AP");

	@Autowired
	PublishedVacancies publishedVacancies;

	@Autowired
	OutboxRelay relay;

	@BeforeEach
	void startSecondInstance() {
		if (secondInstance == null) {
			secondInstance = IngestApplication.application()
				.initializers((context) -> ((GenericApplicationContext) context).registerBean("secondInstanceClock",
						Clock.class, () -> ServiceClock.CLOCK, (definition) -> definition.setPrimary(true)))
				.run("--server.port=0", "--nhsjob.ingest.admin-token=" + IngestApi.ADMIN_TOKEN,
						"--nhsjob.ingest.max-feed-size=" + IngestApi.MAX_FEED_SIZE,
						"--nhsjob.ingest.outbox.batch-size=" + IngestApi.OUTBOX_BATCH_SIZE);
		}
	}

	@AfterAll
	static void stopSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
			secondInstance = null;
		}
	}

	@Test
	void twoFeedsOfOneSourcePushedToTwoInstancesAtOnceTakeTurns() throws Exception {
		IngestApi first = this.source.api();
		IngestApi second = new IngestApi(
				secondInstance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		List<String> ids = new ArrayList<>();
		List<Map<String, Object>> firstFeed = new ArrayList<>();
		List<Map<String, Object>> secondFeed = new ArrayList<>();
		for (int i = 0; i < VACANCIES; i++) {
			ids.add(this.source.id() + ":BOTH-" + i);
			firstFeed.add(Feeds.vacancy("BOTH-" + i, Map.of("title", FIRST_TITLE)));
			secondFeed.add(Feeds.vacancy("BOTH-" + i, Map.of("title", SECOND_TITLE)));
		}
		CountDownLatch ready = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			Future<Response> one = clients.submit(() -> {
				ready.await();
				return first.pushFeed(this.source.id(), this.source.key(),
						IngestApi.toJson(Map.of("vacancies", firstFeed)));
			});
			Future<Response> other = clients.submit(() -> {
				ready.await();
				return second.pushFeed(this.source.id(), this.source.key(),
						IngestApi.toJson(Map.of("vacancies", secondFeed)));
			});
			ready.countDown();
			Response a = one.get(2, TimeUnit.MINUTES);
			Response b = other.get(2, TimeUnit.MINUTES);

			assertThat(a.status()).as(a.text()).isEqualTo(200);
			assertThat(b.status()).as(b.text()).isEqualTo(200);
			// one feed published every vacancy as revision 1, the other as revision 2
			assertThat(a.json().path("published").asInt() + b.json().path("published").asInt())
				.isEqualTo(2 * VACANCIES);
			assertThat(a.json().path("unchanged").asInt() + b.json().path("unchanged").asInt()).isZero();
		}
		finally {
			clients.shutdownNow();
		}
		List<PublishedVacancy> stored = ids.stream()
			.map((id) -> this.publishedVacancies.findById(id).orElseThrow())
			.toList();
		assertThat(stored).allSatisfy((vacancy) -> assertThat(vacancy.revision()).isEqualTo(2));
		assertThat(stored.stream().map((vacancy) -> vacancy.vacancy().title()).distinct()).hasSize(1);
		String lastTitle = stored.get(0).vacancy().title();
		for (String id : ids) {
			List<VacancyPublished> events = VacancyTopic.awaitEvents(id, 2);
			assertThat(events).extracting((event) -> event.vacancy().revision()).isSorted().containsOnly(1L, 2L);
			Map<Long, List<String>> titlesByRevision = events.stream()
				.collect(Collectors.groupingBy((event) -> event.vacancy().revision(),
						Collectors.mapping((event) -> event.vacancy().title(), Collectors.toList())));
			// one content per revision number, the feeds' in turn
			assertThat(titlesByRevision.get(2L)).containsOnly(lastTitle);
			assertThat(titlesByRevision.get(1L)).hasSize(1).doesNotContain(lastTitle);
		}
	}

	@Test
	void copiesOfOneJobFromTwoSourcesPushedToTwoInstancesAtOnceHaveExactlyOneFirst() throws Exception {
		IngestApi second = new IngestApi(
				secondInstance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		String employer = "Trust of " + this.source.id();
		List<Map<String, Object>> ownFeed = new ArrayList<>();
		List<Map<String, Object>> listingFeed = new ArrayList<>();
		for (int i = 0; i < VACANCIES; i++) {
			Map<String, Object> job = Map.of("employerName", employer, "reference", "JOB-" + i, "title",
					FIRST_TITLE + " " + i);
			ownFeed.add(Feeds.vacancy("OWN-" + i, job));
			listingFeed.add(Feeds.vacancy("LISTED-" + i, job));
		}
		CountDownLatch ready = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			Future<Response> own = clients.submit(() -> {
				ready.await();
				return this.source.api()
					.pushFeed(this.source.id(), this.source.key(), IngestApi.toJson(Map.of("vacancies", ownFeed)));
			});
			Future<Response> listed = clients.submit(() -> {
				ready.await();
				return second.pushFeed(this.otherSource.id(), this.otherSource.key(),
						IngestApi.toJson(Map.of("vacancies", listingFeed)));
			});
			ready.countDown();
			assertThat(own.get(2, TimeUnit.MINUTES).status()).isEqualTo(200);
			assertThat(listed.get(2, TimeUnit.MINUTES).status()).isEqualTo(200);
		}
		finally {
			clients.shutdownNow();
		}
		for (int i = 0; i < VACANCIES; i++) {
			var a = this.publishedVacancies.findById(this.source.id() + ":OWN-" + i).orElseThrow().vacancy();
			var b = this.publishedVacancies.findById(this.otherSource.id() + ":LISTED-" + i).orElseThrow().vacancy();
			assertThat(List.of(a, b)).as("job %d", i).filteredOn((copy) -> copy.duplicateOf() == null).hasSize(1);
			var first = (a.duplicateOf() == null) ? a : b;
			var duplicate = (first == a) ? b : a;
			assertThat(duplicate.duplicateOf()).isEqualTo(first.id());
			assertThat(duplicate.jobId()).isEqualTo(first.jobId()).isEqualTo(first.id());
		}
	}

	@Test
	void twoRelaysRacingOverTheRevisionsOfAVacancyNeverSendAnOlderOneAfterANewer() throws Exception {
		String id = this.source.id() + ":RACED-1";
		assertThat(this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("RACED-1")))
			.status()).isEqualTo(200);
		PublishedVacancy published = this.publishedVacancies.findById(id).orElseThrow();
		List<OutboxRelay> relays = List.of(this.relay, secondInstance.getBean(OutboxRelay.class));
		Instant everythingPending = ServiceClock.now().plus(Duration.ofHours(1));
		long lastRevision = 30;
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicLong relayRounds = new AtomicLong();
		ExecutorService relaying = Executors.newFixedThreadPool(relays.size());
		try {
			List<Future<?>> rounds = new ArrayList<>();
			for (OutboxRelay relay : relays) {
				rounds.add(relaying.submit(() -> {
					while (writing.get()) {
						relay.republishPendingBefore(everythingPending);
						relayRounds.incrementAndGet();
					}
					return null;
				}));
			}
			for (long revision = 2; revision <= lastRevision; revision++) {
				// a feed that stored this revision and stopped before sending it
				this.publishedVacancies.save(
						PublishedVacancy
							.pending(Vacancies.with(published.vacancy(), revision, published.vacancy().postedAt()),
									"content-of-revision-" + revision,
									ServiceClock.now().truncatedTo(ChronoUnit.MILLIS), published.publishedAt())
							.fencedBy(published.fence()));
				// a whole relay round begins after each write, so the relays race over
				// every
				// revision rather than only the last
				long roundsBegunAfterWrite = relayRounds.get() + relays.size() + 1;
				await().pollInterval(Duration.ofMillis(1))
					.atMost(Duration.ofSeconds(30))
					.until(() -> relayRounds.get() >= roundsBegunAfterWrite);
			}
			writing.set(false);
			for (Future<?> round : rounds) {
				round.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			writing.set(false);
			relaying.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.relay.republishPendingBefore(everythingPending);
			return !this.publishedVacancies.findById(id).orElseThrow().pendingPublication();
		});

		List<Long> revisions = VacancyTopic
			.awaitRecords(id,
					(records) -> records.stream()
						.anyMatch((record) -> VacancyTopic.event(record).vacancy().revision() == lastRevision))
			.stream()
			.map(ConsumerRecord::value)
			.map((value) -> IngestApi.JSON.readValue(value, VacancyPublished.class).vacancy().revision())
			.toList();
		assertThat(revisions).isSorted().startsWith(1L).endsWith(lastRevision);
	}

}
