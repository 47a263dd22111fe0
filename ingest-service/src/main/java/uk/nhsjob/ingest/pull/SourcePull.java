package uk.nhsjob.ingest.pull;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One source's pull as stored in {@code sourcePulls} (one document per source): its
 * settings, its schedule, the validators its last fetch answered, its failures and the
 * latest pulls (docs/operations.md, "Where state lives").
 *
 * @param every the period, as an ISO 8601 duration
 * @param nextDueAt when it should run next; while an instance runs it, when that
 * instance's claim runs out
 * @param claim the id of the run that holds the pull now, null when none does
 * @param generation how many times its settings were set: a run that ends after they were
 * set again leaves the schedule to the new ones
 * @param hasRun whether it has run since its settings were last set
 * @param failuresInARow failed pulls since the last that went through
 * @param pausedReason why it was paused; null while it is not
 * @param latest the latest pulls, newest last
 */
@Document(PullStore.COLLECTION)
record SourcePull(@Id String sourceId, String url, String format, String every, String mode, Instant nextDueAt,
		@Nullable String claim, long generation, boolean hasRun, @Nullable String etag, @Nullable String lastModified,
		int failuresInARow, boolean paused, @Nullable String pausedReason, @Nullable List<PullRecord> latest) {

	PullSettingsView settings() {
		return new PullSettingsView(this.sourceId, this.url, this.format, this.every, this.mode);
	}

	List<PullRecord> history() {
		return (this.latest != null) ? this.latest : List.of();
	}

}
