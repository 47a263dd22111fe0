package uk.nhsjob.ingest.publish;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.common.vocabulary.VacancyStatus;

/**
 * The latest revision of a vacancy, and whether the broker has acknowledged it yet: the
 * outbox is this document itself. A revision is written with
 * {@code pendingPublication=true} before it is sent, and the flag is cleared once the
 * broker has it, so a crash between the two leaves it to be sent again.
 *
 * @param contentHash of the normalised vacancy without its revision, to tell a changed
 * vacancy from a re-push
 * @param eventId the id of the event that carries this revision, the same however often
 * it is sent
 * @param fence the fencing number of the source's lease under which this revision was
 * written ({@link SourceLeases}); a write under a lower fence is refused
 * <p>
 * The revision is the optimistic version: the next one replaces this one only while it is
 * still the latest ({@link Outbox#store}). The compound index has exactly the keys of the
 * filter that clears a sent revision's pending flag ({@link Outbox#markPublished}): the
 * in-JVM MongoDB-wire server of the tests and the local stack uses an index only for a
 * filter with exactly its keys, and scans the collection otherwise; on MongoDB it is
 * harmless ({@code _id} alone is unique).
 */
@Document("publishedVacancies")
@CompoundIndex(name = "latestPendingRevision", def = "{'_id': 1, 'revision': 1, 'pendingPublication': 1}",
		unique = true)
record PublishedVacancy(@Id String id, @Indexed String sourceId, long revision, String contentHash,
		VacancyStatus status, Vacancy vacancy, String eventId, Instant occurredAt, @Indexed boolean pendingPublication,
		@Nullable Instant pendingSince, @Nullable Instant publishedAt, long fence) {

	/** A revision to send, replacing the current one (or none). */
	static PublishedVacancy pending(Vacancy vacancy, String contentHash, Instant now,
			@Nullable Instant lastPublishedAt) {
		return new PublishedVacancy(vacancy.id(), vacancy.sourceId(), vacancy.revision(), contentHash, vacancy.status(),
				vacancy, UUID.randomUUID().toString(), now, true, now, lastPublishedAt, 0);
	}

	/** This revision as written under a lease with that fencing number. */
	PublishedVacancy fencedBy(long leaseFence) {
		return new PublishedVacancy(this.id, this.sourceId, this.revision, this.contentHash, this.status, this.vacancy,
				this.eventId, this.occurredAt, this.pendingPublication, this.pendingSince, this.publishedAt,
				leaseFence);
	}

	VacancyPublished event() {
		return new VacancyPublished(UUID.fromString(this.eventId), VacancyPublished.SCHEMA_VERSION, this.occurredAt,
				this.vacancy);
	}

}
