package uk.nhsjob.ingest.publish;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One source's vacancies are published by one thread at a time (in this instance), so
 * that two revisions of a vacancy reach the topic in the order they were numbered, and a
 * revision's pending flag can be cleared by its id alone. A hold is not tied to a thread:
 * a feed hands it to the thread that clears its flags after the receipt has gone.
 */
@Component
class SourceLocks {

	private final ConcurrentMap<String, Semaphore> holds = new ConcurrentHashMap<>();

	<T> T withLock(String sourceId, Supplier<T> work) {
		Hold hold = hold(sourceId);
		try {
			return work.get();
		}
		finally {
			hold.release();
		}
	}

	/** Waits until no one else holds the source, then holds it until released. */
	Hold hold(String sourceId) {
		Semaphore semaphore = this.holds.computeIfAbsent(sourceId, (id) -> new Semaphore(1));
		semaphore.acquireUninterruptibly();
		return new Hold(semaphore);
	}

	/** A source held; released once, from any thread (later releases do nothing). */
	static final class Hold {

		private final Semaphore semaphore;

		private final AtomicBoolean released = new AtomicBoolean();

		private Hold(Semaphore semaphore) {
			this.semaphore = semaphore;
		}

		void release() {
			if (this.released.compareAndSet(false, true)) {
				this.semaphore.release();
			}
		}

	}

}
