package uk.nhsjob.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap of this JVM while a run lasts, two ways, starting after a full collection:
 * <ul>
 * <li>the most in use seen, sampled every millisecond: live objects and garbage not yet
 * collected, so it depends on the collector and on {@code -Xmx} as much as on the
 * run;</li>
 * <li>the most left in use after any collection: what the run really held at once.</li>
 * </ul>
 * It is the whole JVM's heap: whatever else runs in the JVM counts too.
 */
final class HeapSampler implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peak = new AtomicLong();

	private final AtomicLong peakAfterCollection = new AtomicLong();

	private final List<NotificationEmitter> collectors = new ArrayList<>();

	private final NotificationListener afterCollection = this::afterCollection;

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "heap-sampler");
		thread.setDaemon(true);
		return thread;
	});

	HeapSampler() {
		System.gc();
		this.peak.set(used());
		this.peakAfterCollection.set(used());
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.afterCollection, null, null);
				this.collectors.add(emitter);
			}
		}
		this.sampler.scheduleAtFixedRate(() -> this.peak.accumulateAndGet(used(), Math::max), 0, 1,
				TimeUnit.MILLISECONDS);
	}

	long peakBytes() {
		return Math.max(this.peak.get(), used());
	}

	long peakAfterCollectionBytes() {
		return this.peakAfterCollection.get();
	}

	private void afterCollection(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long after = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter((pool) -> isHeap(pool.getKey()))
			.mapToLong((pool) -> pool.getValue().getUsed())
			.sum();
		this.peakAfterCollection.accumulateAndGet(after, Math::max);
	}

	private static boolean isHeap(String pool) {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.anyMatch((bean) -> bean.getName().equals(pool) && bean.getType() == java.lang.management.MemoryType.HEAP);
	}

	private long used() {
		MemoryUsage heap = this.memory.getHeapMemoryUsage();
		return heap.getUsed();
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
		for (NotificationEmitter collector : this.collectors) {
			try {
				collector.removeNotificationListener(this.afterCollection);
			}
			catch (ListenerNotFoundException ex) {
				// gone already
			}
		}
	}

}
