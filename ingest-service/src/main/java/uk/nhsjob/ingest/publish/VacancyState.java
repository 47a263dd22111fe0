package uk.nhsjob.ingest.publish;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.VacancyStatus;

/**
 * A vacancy's latest revision as the outbox holds it, without the vacancy but for its
 * posting date: enough to tell whether a feed changes it, and small enough to hold for
 * every vacancy of a source at once. Read from the {@link PublishedVacancy} documents.
 */
record VacancyState(@Id String id, long revision, String contentHash, VacancyStatus status, String eventId,
		Instant occurredAt, boolean pendingPublication, @Nullable Instant pendingSince, @Nullable Instant publishedAt,
		@Nullable Posted vacancy) {

	/** The fields a state is read with. */
	static final String[] FIELDS = { "revision", "contentHash", "status", "eventId", "occurredAt", "pendingPublication",
			"pendingSince", "publishedAt", "vacancy.postedAt", "vacancy.duplicateOf", "vacancy.jobId" };

	@Nullable LocalDate postedAt() {
		return (this.vacancy != null) ? this.vacancy.postedAt() : null;
	}

	/** The other source's vacancy this one's latest revision is a duplicate of. */
	@Nullable String duplicateOf() {
		return (this.vacancy != null) ? this.vacancy.duplicateOf() : null;
	}

	/** The job of its latest revision; null for one published before jobs were. */
	@Nullable String jobId() {
		return (this.vacancy != null) ? this.vacancy.jobId() : null;
	}

	/**
	 * This revision again, still pending, carrying the vacancy a feed repeated (which
	 * says the same as the stored one).
	 */
	PublishedVacancy stillPending(Vacancy sameContent) {
		return new PublishedVacancy(this.id, sameContent.sourceId(), this.revision, this.contentHash, this.status,
				sameContent, this.eventId, this.occurredAt, true, this.pendingSince, this.publishedAt, 0);
	}

	/** The fields of the vacancy a state carries. */
	record Posted(@Nullable LocalDate postedAt, @Nullable String duplicateOf, @Nullable String jobId) {
	}

}
