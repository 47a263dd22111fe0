package uk.nhsjob.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Counts the sends still waiting for the broker and collects the revisions it
 * acknowledged, without holding the records sent. Acknowledgements that arrive after
 * {@link #await(long)} gave up are ignored: those revisions stay pending.
 */
final class Acknowledgements {

	private final List<SentRevision> acknowledged = new ArrayList<>();

	private int outstanding;

	private boolean closed;

	private @Nullable String firstFailure;

	synchronized void sent() {
		this.outstanding++;
	}

	synchronized void acknowledged(SentRevision revision) {
		if (!this.closed) {
			this.acknowledged.add(revision);
		}
		done();
	}

	synchronized void failed(String reason) {
		if (this.firstFailure == null) {
			this.firstFailure = reason;
		}
		done();
	}

	/** Waits until every send is answered or the deadline ({@link System#nanoTime()}). */
	synchronized Result await(long deadline) throws InterruptedException {
		try {
			long left;
			while (this.outstanding > 0 && (left = deadline - System.nanoTime()) > 0) {
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			String failure = (this.outstanding > 0) ? "no acknowledgement in time" : this.firstFailure;
			return new Result(List.copyOf(this.acknowledged), failure);
		}
		finally {
			this.closed = true;
		}
	}

	private void done() {
		this.outstanding--;
		if (this.outstanding == 0) {
			notifyAll();
		}
	}

	/**
	 * @param firstFailure why some were not acknowledged, if any were not
	 */
	record Result(List<SentRevision> acknowledged, @Nullable String firstFailure) {
	}

}
