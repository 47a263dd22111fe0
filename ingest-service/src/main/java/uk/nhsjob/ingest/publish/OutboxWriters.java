package uk.nhsjob.ingest.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that store and send a publication's batches while its feed's thread reads
 * and normalises the next ones.
 */
@Component
class OutboxWriters implements DisposableBean {

	private final AtomicInteger count = new AtomicInteger();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "outbox-writer-" + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	ExecutorService threads() {
		return this.threads;
	}

	@Override
	public void destroy() {
		this.threads.shutdown();
	}

}
