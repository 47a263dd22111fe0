package uk.nhsjob.ingest.publish;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * One feed's (or one relay round's) hold on a source, taken from {@link SourceLeases}:
 * its fencing number is one more than any earlier holder's. Every write of the holder
 * checks it ({@link #ensureHeld()}, and the fence in each conditional write of the
 * outbox). Released once, from any thread: a feed hands it to the thread that clears its
 * pending flags after the receipt has gone.
 */
final class SourceLease {

	private final SourceLeases leases;

	private final String sourceId;

	private final String holder;

	private final long fence;

	private final AtomicBoolean released = new AtomicBoolean();

	private volatile boolean lost;

	private volatile @Nullable ScheduledFuture<?> renewal;

	SourceLease(SourceLeases leases, String sourceId, String holder, long fence) {
		this.leases = leases;
		this.sourceId = sourceId;
		this.holder = holder;
		this.fence = fence;
	}

	String sourceId() {
		return this.sourceId;
	}

	String holder() {
		return this.holder;
	}

	long fence() {
		return this.fence;
	}

	/**
	 * Renews the lease, as a check that it is still this holder's and has not run out;
	 * called before each write.
	 * @throws SourceLeaseLostException when it is not
	 */
	void ensureHeld() {
		if (this.lost || !this.leases.renew(this)) {
			this.lost = true;
			throw new SourceLeaseLostException("The lease on source " + this.sourceId + " (fence " + this.fence
					+ ") ran out and another feed took it; this feed writes nothing more.");
		}
	}

	/** Renewed on a schedule while held; a renewal that finds it gone marks it lost. */
	void renewQuietly() {
		try {
			if (!this.lost && !this.released.get() && !this.leases.renew(this)) {
				this.lost = true;
			}
		}
		catch (DataAccessException ex) {
			// MongoDB away for a moment: the next renewal or write tries again
		}
	}

	void renewEvery(ScheduledFuture<?> renewal) {
		this.renewal = renewal;
	}

	/** Lets the source go; later calls do nothing. */
	void release() {
		if (this.released.compareAndSet(false, true)) {
			ScheduledFuture<?> renewing = this.renewal;
			if (renewing != null) {
				renewing.cancel(false);
			}
			this.leases.release(this);
		}
	}

}
