package uk.nhsjob.platform.background;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Looks at the background readers several times per
 * {@link BackgroundSettings#faultLogInterval()}, so that a fault lasting that long is
 * logged again about on time ({@link BackgroundReaders#logFaults()}).
 */
public class FaultLog implements SmartLifecycle {

	private static final int LOOKS_PER_INTERVAL = 6;

	private final BackgroundReaders readers;

	private @Nullable ScheduledExecutorService executor;

	public FaultLog(BackgroundReaders readers) {
		this.readers = readers;
	}

	@Override
	public synchronized void start() {
		long every = Math.max(100, this.readers.settings().faultLogInterval().dividedBy(LOOKS_PER_INTERVAL).toMillis());
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "background-fault-log");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::logQuietly, every, every, TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	private void logQuietly() {
		try {
			this.readers.logFaults();
		}
		catch (RuntimeException ex) {
			// the next look logs it
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
