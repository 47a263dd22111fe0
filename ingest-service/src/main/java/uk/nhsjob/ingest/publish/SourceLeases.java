package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.IngestSettings;

/**
 * Per-source leases in MongoDB ({@code sourceLeases}, one document per source:
 * {@code holder}, {@code expiresAt}, {@code fence}), so that one source's feeds and relay
 * rounds take turns whichever instances they reach. A lease is taken by a conditional
 * update (free, or run out by the service's clock) that adds one to the fencing number,
 * renewed while held, and released by its holder; the fence only grows, so a holder whose
 * lease ran out and was taken can tell, and its conditional writes are refused
 * (docs/operations.md, "Several instances").
 */
@Component
class SourceLeases implements DisposableBean {

	static final String COLLECTION = "sourceLeases";

	private static final Logger log = LoggerFactory.getLogger(SourceLeases.class);

	private static final long FIRST_POLL_MILLIS = 20;

	private static final long LONGEST_POLL_MILLIS = 250;

	private final MongoOperations mongo;

	private final Clock clock;

	private final Duration wait;

	private final Duration expiry;

	private final ScheduledThreadPoolExecutor renewer = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "source-lease-renewer");
		thread.setDaemon(true);
		return thread;
	});

	SourceLeases(MongoOperations mongo, Clock clock, IngestSettings settings) {
		this.mongo = mongo;
		this.clock = clock;
		this.wait = settings.feedLease().maxWait();
		this.expiry = settings.feedLease().expiry();
		// a released lease's renewal leaves the queue at once, not when it would have run
		this.renewer.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Waits for the source's lease up to the bound
	 * ({@code nhsjob.ingest.feed-lease.max-wait}), then holds it until released.
	 * @throws SourceBusyException when another holder kept it all that time
	 */
	SourceLease acquire(String sourceId) {
		long deadline = System.nanoTime() + this.wait.toNanos();
		long pause = FIRST_POLL_MILLIS;
		while (true) {
			SourceLease lease = take(sourceId);
			if (lease != null) {
				return lease;
			}
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				throw new SourceBusyException(sourceId, this.wait, this.expiry);
			}
			try {
				Thread.sleep(Math.min(pause, left));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SourceBusyException(sourceId, this.wait, this.expiry);
			}
			pause = Math.min(pause * 2, LONGEST_POLL_MILLIS);
		}
	}

	/** The source's lease when no one holds it, without waiting. */
	Optional<SourceLease> tryAcquire(String sourceId) {
		return Optional.ofNullable(take(sourceId));
	}

	private @Nullable SourceLease take(String sourceId) {
		Instant now = this.clock.instant();
		String holder = UUID.randomUUID().toString();
		Query free = Query.query(Criteria.where("_id")
			.is(sourceId)
			.orOperator(Criteria.where("holder").isNull(), Criteria.where("expiresAt").lte(Date.from(now))));
		Update take = new Update().set("holder", holder)
			.set("expiresAt", Date.from(now.plus(this.expiry)))
			.set("takenAt", Date.from(now))
			.inc("fence", 1L);
		Document taken = this.mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true),
				Document.class, COLLECTION);
		if (taken != null) {
			return held(sourceId, holder, ((Number) taken.get("fence")).longValue());
		}
		try {
			this.mongo.insert(new Document("_id", sourceId).append("holder", holder)
				.append("expiresAt", Date.from(now.plus(this.expiry)))
				.append("takenAt", Date.from(now))
				.append("fence", 1L), COLLECTION);
			return held(sourceId, holder, 1L);
		}
		catch (DuplicateKeyException ex) {
			return null;
		}
	}

	private SourceLease held(String sourceId, String holder, long fence) {
		SourceLease lease = new SourceLease(this, sourceId, holder, fence);
		long every = Math.max(1, this.expiry.toMillis() / 3);
		lease.renewEvery(this.renewer.scheduleWithFixedDelay(lease::renewQuietly, every, every, TimeUnit.MILLISECONDS));
		return lease;
	}

	/**
	 * Moves the expiry on, if the lease is still the holder's and has not run out.
	 * @return false when it has run out or been taken
	 * @throws DataAccessException when MongoDB could not be asked
	 */
	boolean renew(SourceLease lease) {
		Instant now = this.clock.instant();
		Query mine = ownedBy(lease).addCriteria(Criteria.where("expiresAt").gt(Date.from(now)));
		return this.mongo.updateFirst(mine, Update.update("expiresAt", Date.from(now.plus(this.expiry))), COLLECTION)
			.getMatchedCount() == 1;
	}

	void release(SourceLease lease) {
		try {
			this.mongo.updateFirst(ownedBy(lease),
					new Update().set("holder", null).set("expiresAt", Date.from(this.clock.instant())), COLLECTION);
		}
		catch (DataAccessException ex) {
			log.warn("Could not release the lease on source {}; it runs out by itself in {}: {}", lease.sourceId(),
					this.expiry, ex.getMessage());
		}
	}

	private static Query ownedBy(SourceLease lease) {
		return Query.query(Criteria.where("_id")
			.is(lease.sourceId())
			.and("holder")
			.is(lease.holder())
			.and("fence")
			.is(lease.fence()));
	}

	@Override
	public void destroy() {
		this.renewer.shutdownNow();
	}

}
