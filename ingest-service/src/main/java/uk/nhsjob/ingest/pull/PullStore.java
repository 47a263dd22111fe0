package uk.nhsjob.ingest.pull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.pull.fetch.Validators;

/**
 * The pulls' state in MongoDB, {@code sourcePulls}: every change is one conditional
 * single-document write, so any number of instances share it. A due pull is claimed by
 * moving its due time on to when the claim runs out and marking it with the run's id;
 * only that run's writes of the schedule are taken afterwards.
 */
@Component
class PullStore {

	static final String COLLECTION = "sourcePulls";

	private final MongoOperations mongo;

	private final PullSettings settings;

	private final Clock clock;

	PullStore(MongoOperations mongo, PullSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("paused", Sort.Direction.ASC).on("nextDueAt", Sort.Direction.ASC));
	}

	/**
	 * Sets (or replaces) a source's pull, unpaused, with no validators; the history is
	 * kept. One that no run holds is due at once; one that a run holds now is left to it,
	 * and made due at once when that run ends (it sees the settings' new generation), so
	 * that no two runs of one pull overlap.
	 */
	void set(PullSettingsView pull, Instant now) {
		try {
			this.mongo.upsert(byId(pull.sourceId()).addCriteria(Criteria.where("claim").isNull()),
					settings(pull).set("nextDueAt", now).set("claim", null), SourcePull.class);
		}
		catch (DuplicateKeyException ex) {
			// a run holds it: the upsert found no unclaimed document and could not insert
			// one
			this.mongo.updateFirst(byId(pull.sourceId()), settings(pull), SourcePull.class);
		}
	}

	private static Update settings(PullSettingsView pull) {
		return new Update().set("url", pull.url())
			.set("format", pull.format())
			.set("every", pull.every())
			.set("mode", pull.mode())
			.set("hasRun", false)
			.set("etag", null)
			.set("lastModified", null)
			.set("failuresInARow", 0)
			.set("paused", false)
			.set("pausedReason", null)
			.inc("generation", 1L);
	}

	boolean delete(String sourceId) {
		return this.mongo.remove(byId(sourceId), SourcePull.class).getDeletedCount() > 0;
	}

	Optional<SourcePull> find(String sourceId) {
		return Optional.ofNullable(this.mongo.findById(sourceId, SourcePull.class));
	}

	/** Claims one pull that is due, if any, for the time of a claim. */
	Optional<SourcePull> claimDue(Instant now) {
		Query due = Query.query(Criteria.where("paused").is(false).and("nextDueAt").lte(now))
			.with(Sort.by("nextDueAt"));
		Update claim = new Update().set("nextDueAt", now.plus(this.settings.claim()))
			.set("claim", UUID.randomUUID().toString());
		return Optional.ofNullable(
				this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), SourcePull.class));
	}

	/** A pull that went through (or found nothing new): its next run and validators. */
	void succeeded(SourcePull run, Instant next, Validators validators, PullRecord record) {
		Update update = new Update().set("nextDueAt", next)
			.set("claim", null)
			.set("hasRun", true)
			.set("etag", validators.etag())
			.set("lastModified", validators.lastModified())
			.set("failuresInARow", 0);
		finish(run, update, record);
	}

	/** A pull that failed: retried at {@code next}, or paused for the reason given. */
	void failed(SourcePull run, Instant next, int failuresInARow, @Nullable String pausedReason, PullRecord record) {
		Update update = new Update().set("nextDueAt", next)
			.set("claim", null)
			.set("hasRun", true)
			.set("failuresInARow", failuresInARow)
			.set("paused", pausedReason != null)
			.set("pausedReason", pausedReason);
		finish(run, update, record);
	}

	/** Another feed of the source held it: tried again soon, not counted as a failure. */
	void deferred(SourcePull run, Instant next, PullRecord record) {
		finish(run, new Update().set("nextDueAt", next).set("claim", null), record);
	}

	/**
	 * The schedule is written only while the run still holds its claim (settings set
	 * again meanwhile start afresh); the record is kept in any case while the pull
	 * exists.
	 */
	private void finish(SourcePull run, Update schedule, PullRecord record) {
		Query held = byId(run.sourceId()).addCriteria(Criteria.where("claim").is(run.claim()));
		Query heldWithItsSettings = byId(run.sourceId())
			.addCriteria(Criteria.where("claim").is(run.claim()).and("generation").is(run.generation()));
		if (this.mongo.updateFirst(heldWithItsSettings, schedule, SourcePull.class).getMatchedCount() == 0) {
			// set again while it ran: the new settings run at once
			this.mongo.updateFirst(held, new Update().set("nextDueAt", this.clock.instant()).set("claim", null),
					SourcePull.class);
		}
		this.mongo.updateFirst(byId(run.sourceId()),
				new Update().push("latest").slice(-this.settings.history()).each(record), SourcePull.class);
	}

	private static Query byId(String sourceId) {
		return Query.query(Criteria.where("_id").is(sourceId));
	}

}
