package uk.nhsjob.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The process dies between the steps of a publication: after the revision is stored and
 * before it is sent, or after the broker acknowledged it and before its pending flag is
 * cleared. No receipt claims anything, and once the relay runs (or the feed is pushed
 * again) the service's record of what the source published is what the topic holds.
 */
@IngestServiceTest
@Import(CrashBetweenStepsTests.CrashConfiguration.class)
class CrashBetweenStepsTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("crash", "NHS_TRUST", "LS1 4AP");

	@Autowired
	Crash crash;

	@Autowired
	OutboxRelay relay;

	@Autowired
	PublishedVacancies publishedVacancies;

	@AfterEach
	void disarm() {
		this.crash.disarm();
	}

	@Test
	void aVacancyStoredButNeverSentIsPublishedByTheRelay() {
		String id = this.source.id() + ":STORED-1";
		this.crash.afterStoring(id);

		Response crashed = push(Feeds.feed(Feeds.vacancy("STORED-1")));

		assertNoReceipt(crashed);
		PublishedVacancy stored = this.publishedVacancies.findById(id).orElseThrow();
		assertThat(stored.pendingPublication()).isTrue();

		this.crash.disarm();
		assertThat(this.relay.republishPendingBefore(ServiceClock.now().plusSeconds(1)).acknowledged()).isPositive();

		assertRecordAndTopicAgree(id, 1, VacancyStatus.OPEN);
		assertThat(push(Feeds.feed(Feeds.vacancy("STORED-1"))).json().path("unchanged").asInt()).isEqualTo(1);
	}

	@Test
	void aFeedThatDiesBetweenBatchesLeavesTheRelayToPublishWhatItStoredAndTheRestToTheNextPush() {
		int batch = IngestApi.OUTBOX_BATCH_SIZE;
		List<Map<String, Object>> vacancies = new ArrayList<>();
		for (int i = 0; i < 2 * batch + 1; i++) {
			vacancies.add(Feeds.vacancy("BATCH-" + i));
		}
		String feed = IngestApi.toJson(Map.of("vacancies", vacancies));
		// the second batch is stored, then the process dies: the first was sent already
		this.crash.afterStoring(this.source.id() + ":BATCH-" + (batch + 1));

		assertNoReceipt(push(feed));

		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":BATCH-0", 1)).isNotEmpty();
		for (int i = 0; i < 2 * batch; i++) {
			assertThat(this.publishedVacancies.findById(this.source.id() + ":BATCH-" + i)).get()
				.extracting(PublishedVacancy::pendingPublication)
				.isEqualTo(true);
		}
		assertThat(this.publishedVacancies.findById(this.source.id() + ":BATCH-" + 2 * batch)).isEmpty();

		this.crash.disarm();
		assertThat(this.relay.republishPendingBefore(ServiceClock.now().plusSeconds(1)).acknowledged())
			.isEqualTo(2 * batch);

		assertRecordAndTopicAgree(this.source.id() + ":BATCH-0", 1, VacancyStatus.OPEN);
		assertRecordAndTopicAgree(this.source.id() + ":BATCH-" + (batch + 1), 1, VacancyStatus.OPEN);
		Response again = push(feed);
		assertThat(again.json().path("unchanged").asInt()).as(again.text()).isEqualTo(2 * batch);
		assertThat(again.json().path("published").asInt()).isEqualTo(1);
	}

	@Test
	void aChangeStoredButNeverSentIsPublishedWhenTheFeedIsPushedAgain() {
		String id = this.source.id() + ":CHANGED-1";
		push(Feeds.feed(Feeds.vacancy("CHANGED-1")));
		String changed = Feeds.feed(Feeds.vacancy("CHANGED-1", Map.of("band", "Band 5")));
		this.crash.afterStoring(id);

		assertNoReceipt(push(changed));

		this.crash.disarm();
		Response again = push(changed);
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.json().path("published").asInt()).isEqualTo(1);
		assertRecordAndTopicAgree(id, 2, VacancyStatus.OPEN);
	}

	@Test
	void aVacancyAcknowledgedButStillFlaggedPendingIsSentAgainUnderTheSameEventId() {
		String id = this.source.id() + ":ACKED-1";
		this.crash.afterAcknowledging(id);

		Response crashed = push(Feeds.feed(Feeds.vacancy("ACKED-1")));

		assertNoReceipt(crashed);
		PublishedVacancy stored = this.publishedVacancies.findById(id).orElseThrow();
		assertThat(stored.pendingPublication()).isTrue();
		assertThat(VacancyTopic.awaitEvents(id, 1).get(0).eventId().toString()).isEqualTo(stored.eventId());

		this.crash.disarm();
		this.relay.republishPendingBefore(ServiceClock.now().plusSeconds(1)).acknowledged();

		assertRecordAndTopicAgree(id, 1, VacancyStatus.OPEN);
		assertThat(VacancyTopic.awaitEvents(id, 2)).extracting((event) -> event.eventId().toString())
			.containsOnly(stored.eventId());
	}

	@Test
	void aSnapshotsCloseStoredButNeverSentIsPublishedByTheRelay() {
		String id = this.source.id() + ":GONE-1";
		push(Feeds.feed(Feeds.vacancy("KEPT-1"), Feeds.vacancy("GONE-1")));
		this.crash.afterStoring(id);

		assertNoReceipt(this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "?mode=snapshot", this.source.key(), "application/json",
					Feeds.feed(Feeds.vacancy("KEPT-1"))));

		this.crash.disarm();
		this.relay.republishPendingBefore(ServiceClock.now().plusSeconds(1)).acknowledged();

		assertRecordAndTopicAgree(id, 2, VacancyStatus.CLOSED);
	}

	private Response push(String feed) {
		return this.source.api().pushFeed(this.source.id(), this.source.key(), feed);
	}

	private static void assertNoReceipt(Response response) {
		assertThat(response.status()).as(response.text()).isGreaterThanOrEqualTo(500);
		assertThat(response.text()).doesNotContain("\"published\"");
	}

	/**
	 * Nothing pending (a feed clears its flags just after its receipt), and the topic's
	 * latest record under the id is the stored one.
	 */
	private void assertRecordAndTopicAgree(String id, long revision, VacancyStatus status) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.publishedVacancies.findById(id).orElseThrow().pendingPublication());
		PublishedVacancy stored = this.publishedVacancies.findById(id).orElseThrow();
		assertThat(stored.revision()).isEqualTo(revision);
		assertThat(stored.status()).isEqualTo(status);
		List<ConsumerRecord<String, String>> records = VacancyTopic.awaitRecords(id, (found) -> !found.isEmpty()
				&& VacancyTopic.event(found.get(found.size() - 1)).eventId().toString().equals(stored.eventId()));
		assertThat(VacancyTopic.event(records.get(records.size() - 1)).vacancy()).isEqualTo(stored.vacancy());
	}

	/** A process dying at a checkpoint, as far as the publication can tell. */
	static final class Crash implements PublicationCheckpoints {

		private final AtomicReference<@Nullable String> afterStoring = new AtomicReference<>();

		private final AtomicReference<@Nullable String> afterAcknowledging = new AtomicReference<>();

		void afterStoring(String vacancyId) {
			this.afterStoring.set(vacancyId);
		}

		void afterAcknowledging(String vacancyId) {
			this.afterAcknowledging.set(vacancyId);
		}

		void disarm() {
			this.afterStoring.set(null);
			this.afterAcknowledging.set(null);
		}

		@Override
		public void stored(List<String> vacancyIds) {
			dieIfArmed(this.afterStoring.get(), vacancyIds);
		}

		@Override
		public void acknowledged(List<String> vacancyIds) {
			dieIfArmed(this.afterAcknowledging.get(), vacancyIds);
		}

		private static void dieIfArmed(@Nullable String target, List<String> vacancyIds) {
			if (target != null && vacancyIds.contains(target)) {
				throw new IllegalStateException("simulated crash at a publication checkpoint");
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CrashConfiguration {

		@Bean
		Crash crash() {
			return new Crash();
		}

	}

}
