package uk.nhsjob.ingest.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A source's lease in MongoDB, as another instance would hold it: a feed waits for it up
 * to a bound (lowered here) and is then answered {@code 409}; a feed whose lease ran out
 * and was taken writes and sends nothing more; a lease that ran out by the clock is taken
 * under a higher fence, and the conditional writes of its old holder are refused.
 */
@IngestServiceTest
@TestPropertySource(properties = "nhsjob.ingest.feed-lease.max-wait=1s")
@Import(FeedLeaseTests.TakeOverConfiguration.class)
class FeedLeaseTests {

	private static final String ANOTHER_INSTANCE = "another-instance";

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("lease", "NHS_TRUST", "LS1 4AP");

	@Autowired
	MongoOperations mongo;

	@Autowired
	PublishedVacancies publishedVacancies;

	@Autowired
	Outbox outbox;

	@Autowired
	TakeOver takeOver;

	@Test
	void aFeedFindingItsSourceHeldPastTheWaitIsAnswered409WithRetryAfterAndPublishesNothing() {
		String id = this.source.id() + ":WAITED-1";
		this.mongo.insert(new Document("_id", this.source.id()).append("holder", ANOTHER_INSTANCE)
			.append("expiresAt", Date.from(ServiceClock.now().plus(Duration.ofHours(1))))
			.append("fence", 41L), SourceLeases.COLLECTION);

		Response refused = push(Feeds.feed(Feeds.vacancy("WAITED-1")));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().path("type").asString()).isEqualTo("urn:nhsjob:problem:feed-in-progress");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(this.publishedVacancies.findById(id)).isEmpty();

		this.mongo.updateFirst(query(where("_id").is(this.source.id())), Update.update("holder", null),
				SourceLeases.COLLECTION);
		Response accepted = push(Feeds.feed(Feeds.vacancy("WAITED-1")));

		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().path("published").asInt()).isEqualTo(1);
		assertThat(this.publishedVacancies.findById(id).orElseThrow().fence()).isEqualTo(42);
	}

	@Test
	void aFeedWhoseLeaseRanOutAndWasTakenWritesAndSendsNothingMore() {
		List<Map<String, Object>> vacancies = new ArrayList<>();
		for (int i = 0; i < 4 * IngestApi.OUTBOX_BATCH_SIZE; i++) {
			vacancies.add(Feeds.vacancy("PAUSED-" + i));
		}
		this.takeOver.afterFirstBatchOf(this.source.id());

		Response lost = push(IngestApi.toJson(Map.of("vacancies", vacancies)));

		assertThat(lost.status()).isEqualTo(409);
		assertThat(lost.isProblem()).isTrue();
		assertThat(lost.json().path("type").asString()).isEqualTo("urn:nhsjob:problem:feed-lease-lost");
		assertThat(lost.headers().firstValue("Retry-After")).isPresent();
		List<PublishedVacancy> stored = this.outbox
			.findAll(vacancies.stream().map((vacancy) -> this.source.id() + ":" + vacancy.get("externalId")).toList());
		// the batch stored before the lease was taken, pending for the relay; nothing
		// after
		assertThat(stored).hasSize(IngestApi.OUTBOX_BATCH_SIZE).allMatch(PublishedVacancy::pendingPublication);
		assertThat(VacancyTopic.keysStartingWith(this.source.id() + ":")).isEmpty();
	}

	@Test
	void aLeaseThatRanOutIsTakenUnderAHigherFenceAndTheWritesOfItsOldHolderAreRefused() {
		String id = this.source.id() + ":FENCED-1";
		assertThat(push(Feeds.feed(Feeds.vacancy("FENCED-1"))).status()).isEqualTo(200);
		PublishedVacancy published = this.publishedVacancies.findById(id).orElseThrow();
		MovableClock clock = MovableClock.stoppedAt(ServiceClock.now(), ServiceClock.LONDON);
		SourceLeases leases = new SourceLeases(this.mongo, clock,
				settings(Duration.ofMillis(100), Duration.ofMinutes(1)));
		try {
			SourceLease first = leases.acquire(this.source.id());
			assertThat(first.fence()).isGreaterThan(published.fence());
			assertThat(leases.tryAcquire(this.source.id())).isEmpty();
			assertThatThrownBy(() -> leases.acquire(this.source.id())).isInstanceOf(SourceBusyException.class);

			// the first holder pauses past its lease's expiry, renewing nothing
			clock.advance(Duration.ofMinutes(1).plusSeconds(1));
			SourceLease second = leases.tryAcquire(this.source.id()).orElseThrow();

			assertThat(second.fence()).isEqualTo(first.fence() + 1);
			assertThatThrownBy(first::ensureHeld).isInstanceOf(SourceLeaseLostException.class);
			second.ensureHeld();
			this.outbox.store(List.of(revision(published, 2)), second.fence());
			assertThatThrownBy(() -> this.outbox.store(List.of(revision(published, 2)), first.fence()))
				.isInstanceOf(SourceLeaseLostException.class);
			assertThatThrownBy(() -> this.outbox.store(List.of(revision(published, 3)), first.fence()))
				.isInstanceOf(SourceLeaseLostException.class);
			PublishedVacancy latest = this.publishedVacancies.findById(id).orElseThrow();
			assertThat(latest.revision()).isEqualTo(2);
			assertThat(latest.fence()).isEqualTo(second.fence());
			second.release();
			first.release();
			assertThat(leases.tryAcquire(this.source.id())).hasValueSatisfying(SourceLease::release);
		}
		finally {
			leases.destroy();
		}
	}

	private static PublishedVacancy revision(PublishedVacancy current, long revision) {
		Instant now = ServiceClock.now();
		return PublishedVacancy.pending(Vacancies.with(current.vacancy(), revision, current.vacancy().postedAt()),
				"content-of-revision-" + revision, now, current.publishedAt());
	}

	private static IngestSettings settings(Duration maxWait, Duration expiry) {
		return new IngestSettings("", DataSize.ofMegabytes(10), "classpath:pay-scales/x.csv",
				new IngestSettings.Outbox(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1), 3),
				new IngestSettings.RateLimit(60, Duration.ofMinutes(1)), new IngestSettings.FeedLease(maxWait, expiry),
				50_000);
	}

	private Response push(String feed) {
		return this.source.api().pushFeed(this.source.id(), this.source.key(), feed);
	}

	/**
	 * Another instance taking a source's lease once a feed of it has stored its first
	 * batch, as if the feed had paused past its lease's expiry.
	 */
	static final class TakeOver implements PublicationCheckpoints {

		private final AtomicReference<@Nullable String> sourceId = new AtomicReference<>();

		private final MongoOperations mongo;

		TakeOver(MongoOperations mongo) {
			this.mongo = mongo;
		}

		void afterFirstBatchOf(String sourceId) {
			this.sourceId.set(sourceId);
		}

		@Override
		public void stored(List<String> vacancyIds) {
			String armed = this.sourceId.get();
			if (armed != null && vacancyIds.stream().anyMatch((id) -> id.startsWith(armed + ":"))
					&& this.sourceId.compareAndSet(armed, null)) {
				this.mongo.updateFirst(query(where("_id").is(armed)),
						new Update().set("holder", ANOTHER_INSTANCE).inc("fence", 1L), SourceLeases.COLLECTION);
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TakeOverConfiguration {

		@Bean
		TakeOver takeOver(MongoOperations mongo) {
			return new TakeOver(mongo);
		}

	}

}
