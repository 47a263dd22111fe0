package uk.nhsjob.ingest.publish;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One source's vacancies are published by one thread at a time (in this instance), so
 * that two revisions of a vacancy reach the topic in the order they were numbered.
 */
@Component
class SourceLocks {

	private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	<T> T withLock(String sourceId, Supplier<T> work) {
		ReentrantLock lock = this.locks.computeIfAbsent(sourceId, (id) -> new ReentrantLock());
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

}
