package uk.nhsjob.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use seen while a run lasts, sampled every millisecond after a
 * collection. It is the whole JVM's heap: with the in-JVM broker and MongoDB it is an
 * upper bound of what the service needs.
 */
final class HeapSampler implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peak = new AtomicLong();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "heap-sampler");
		thread.setDaemon(true);
		return thread;
	});

	HeapSampler() {
		System.gc();
		this.peak.set(used());
		this.sampler.scheduleAtFixedRate(() -> this.peak.accumulateAndGet(used(), Math::max), 0, 1,
				TimeUnit.MILLISECONDS);
	}

	long peakBytes() {
		return Math.max(this.peak.get(), used());
	}

	private long used() {
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
