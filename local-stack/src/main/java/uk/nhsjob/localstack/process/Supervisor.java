package uk.nhsjob.localstack.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches the stack's children while it runs. A child that exits by itself (a crash, a
 * {@code kill -9}) is reported: which one, its exit code and the last lines of its log.
 * With {@code restartCrashed} it is started again after a back-off that grows while it
 * keeps crashing ({@link RestartBackOff}); without, the stack runs on without it until
 * {@link #restartCrashed()} is called. Once the stack is stopping (or the supervisor
 * {@link #close() closed}) an exit is expected and nothing is reported or restarted.
 */
public final class Supervisor implements AutoCloseable {

	private static final int LOG_LINES = 15;

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private final boolean restartCrashed;

	private final RestartBackOff backOff;

	private final Consumer<String> say;

	private final String restartHint;

	private final BooleanSupplier stopping;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "local-stack-supervisor");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Integer> crashesInARow = new LinkedHashMap<>();

	private final List<Restartable> down = new ArrayList<>();

	private boolean closed;

	/**
	 * @param restartCrashed whether a crashed child is started again by itself
	 * @param restartHint what the user can do to start a crashed child again, said when
	 * it is not restarted by itself
	 * @param stopping whether the stack is stopping, when every exit is expected
	 */
	public Supervisor(boolean restartCrashed, RestartBackOff backOff, Consumer<String> say, String restartHint,
			BooleanSupplier stopping) {
		this.restartCrashed = restartCrashed;
		this.backOff = backOff;
		this.say = say;
		this.restartHint = restartHint;
		this.stopping = stopping;
	}

	/** Watches the child's current process. */
	public void watch(Restartable child) {
		ChildProcess process = child.process();
		long startedAt = System.nanoTime();
		process.onExit().thenRun(() -> exited(child, process, Duration.ofNanos(System.nanoTime() - startedAt)));
	}

	private void exited(Restartable child, ChildProcess process, Duration ranFor) {
		Duration delay;
		synchronized (this) {
			if (isClosed()) {
				return;
			}
			int crashes = this.backOff.count(this.crashesInARow.getOrDefault(child.name(), 0), ranFor);
			this.crashesInARow.put(child.name(), crashes);
			delay = this.backOff.delay(crashes);
			this.say.accept("WARNING: " + child.name() + " (pid " + process.pid() + ") exited with code "
					+ process.exitValue() + " after " + ranFor.toSeconds() + " s. The last lines of " + process.log()
					+ ":\n" + indent(process.logTail(LOG_LINES)));
			if (!this.restartCrashed) {
				this.down.add(child);
				this.say
					.accept("The rest of the stack keeps running without " + child.name() + ". " + this.restartHint);
				return;
			}
			this.say.accept("Starting " + child.name() + " again in " + readable(delay)
					+ ((crashes > 1) ? " (crash " + crashes + " in a row)" : ""));
		}
		this.scheduler.schedule(() -> restart(child), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Starts every crashed child that is not restarted by itself again, now. */
	public void restartCrashed() {
		List<Restartable> crashed;
		synchronized (this) {
			crashed = List.copyOf(this.down);
			this.down.clear();
		}
		if (crashed.isEmpty()) {
			this.say.accept("Nothing has crashed.");
		}
		crashed.forEach((child) -> this.scheduler.execute(() -> restart(child)));
	}

	private void restart(Restartable child) {
		ChildProcess process;
		synchronized (this) {
			if (isClosed()) {
				return;
			}
			try {
				process = child.restart();
			}
			catch (RuntimeException ex) {
				this.say.accept("WARNING: starting " + child.name() + " again failed: " + ex.getMessage());
				return;
			}
			this.say.accept("Started " + child.name() + " again (pid " + process.pid() + ")");
			watch(child);
		}
		try {
			child.awaitReady(READY_TIMEOUT);
			this.say.accept(child.name() + " is ready again");
		}
		catch (RuntimeException ex) {
			// its exit, if it exited, is reported by the watch
			if (process.isAlive()) {
				this.say.accept("WARNING: " + child.name() + " is not ready again: " + firstLine(ex.getMessage()));
			}
		}
	}

	/** Whether a child is down and waits for {@link #restartCrashed()}. */
	public synchronized boolean isDown(String name) {
		return this.down.stream().anyMatch((child) -> child.name().equals(name));
	}

	private boolean isClosed() {
		return this.closed || this.stopping.getAsBoolean();
	}

	/** Stops watching: every exit from now on is expected. */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		this.scheduler.shutdownNow();
	}

	private static String readable(Duration duration) {
		return (duration.toMillis() < 1000) ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
	}

	private static String indent(String text) {
		return "    | " + text.replace("\n", "\n    | ");
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
