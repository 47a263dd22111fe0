package uk.nhsjob.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexField;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's writes are conditional on the revision they follow: one revision number is
 * written once, whichever writer gets there first, and clearing the pending flag of a
 * revision sent never clears a newer one's.
 */
@IngestServiceTest
class ConditionalWritesTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("conditional", "NHS_TRUST", "LS1 4AP");

	@Autowired
	Outbox outbox;

	@Autowired
	PublishedVacancies publishedVacancies;

	@Autowired
	MongoOperations mongo;

	@Test
	void aRevisionNumberIsWrittenOnceWhicheverWriterComesSecond() {
		PublishedVacancy published = published("ONCE-1");
		PublishedVacancy mine = revision(published, 2, "mine");
		PublishedVacancy theirs = revision(published, 2, "theirs");

		this.outbox.store(List.of(mine), published.fence());

		assertThatThrownBy(() -> this.outbox.store(List.of(theirs), published.fence()))
			.isInstanceOf(SourceLeaseLostException.class);
		PublishedVacancy stored = this.publishedVacancies.findById(published.id()).orElseThrow();
		assertThat(stored.revision()).isEqualTo(2);
		assertThat(stored.contentHash()).isEqualTo("mine");
		assertThat(stored.eventId()).isEqualTo(mine.eventId());
	}

	/**
	 * The in-JVM MongoDB-wire server of the tests and the local stack answers a filter
	 * from an index only when the index has exactly the filter's keys; without this one,
	 * clearing the flags of a 5,000-vacancy feed scanned the collection once per vacancy
	 * (seconds per feed, growing with the collection).
	 */
	@Test
	void theFilterThatClearsAPendingFlagHasAnIndexWithExactlyItsKeys() {
		List<Set<String>> indexKeys = this.mongo.indexOps(PublishedVacancy.class)
			.getIndexInfo()
			.stream()
			.map((index) -> index.getIndexFields().stream().map(IndexField::getKey).collect(Collectors.toSet()))
			.toList();

		assertThat(indexKeys).contains(Set.of("_id", "revision", "pendingPublication"));
	}

	@Test
	void markingARevisionPublishedLeavesANewerOnePending() {
		PublishedVacancy published = published("NEWER-1");
		PublishedVacancy newer = revision(published, 2, "newer");
		this.outbox.store(List.of(newer), published.fence());

		// the broker's acknowledgement of revision 1 arrives after revision 2 was stored
		this.outbox.markPublished(List.of(new SentRevision(published.id(), 1)));

		assertThat(this.publishedVacancies.findById(published.id()).orElseThrow().pendingPublication()).isTrue();
		this.outbox.markPublished(List.of(new SentRevision(published.id(), 2)));
		assertThat(this.publishedVacancies.findById(published.id()).orElseThrow().pendingPublication()).isFalse();
	}

	private PublishedVacancy published(String externalId) {
		assertThat(this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy(externalId)))
			.status()).isEqualTo(200);
		String id = this.source.id() + ":" + externalId;
		// the flags of what the broker acknowledged are cleared once the receipt has gone
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.publishedVacancies.findById(id).orElseThrow().pendingPublication());
		return this.publishedVacancies.findById(id).orElseThrow();
	}

	private static PublishedVacancy revision(PublishedVacancy current, long revision, String contentHash) {
		return PublishedVacancy.pending(Vacancies.with(current.vacancy(), revision, current.vacancy().postedAt()),
				contentHash, ServiceClock.now(), current.publishedAt());
	}

}
