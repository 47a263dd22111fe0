package uk.nhsjob.ingest.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The threads that store and send a publication's batches while its feed's thread reads
 * and normalises the next ones.
 * <p>
 * Depends on the MongoDB template only so that it is stopped first: a shutdown waits for
 * the writers to clear their batches' pending flags while MongoDB is still there to take
 * them (what a forced stop leaves pending, the relay sends again under the same ids).
 */
@Component
@DependsOn("mongoTemplate")
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
	public void destroy() throws InterruptedException {
		this.threads.shutdown();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

}
