package uk.nhsjob.ingest.pull;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import uk.nhsjob.platform.background.BackgroundReader;

/**
 * Every instance's scheduler of pulls: once a tick ({@code nhsjob.ingest.pull.tick}) it
 * claims the pulls that are due, one at a time, each with one conditional write (so that
 * no two instances run one pull), and runs them on its own thread, so that a slow source
 * holds up no other work of the service. While MongoDB is away it reports itself failing
 * in the {@code background} health group and tries again next tick.
 */
class PullScheduler implements SmartLifecycle {

	static final String READER = "ingest.pulls";

	/** At most this many pulls a tick, so that a tick ends and reports. */
	private static final int PULLS_PER_TICK = 100;

	private static final Logger log = LoggerFactory.getLogger(PullScheduler.class);

	private final PullStore store;

	private final PullRunner runner;

	private final PullSettings settings;

	private final Clock clock;

	private final BackgroundReader reader;

	private volatile ScheduledExecutorService executor;

	PullScheduler(PullStore store, PullRunner runner, PullSettings settings, Clock clock, BackgroundReader reader) {
		this.store = store;
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
		this.reader = reader;
	}

	/** Runs the pulls that are due now; answers how many it ran. */
	int tick() {
		int ran = 0;
		try {
			while (ran < PULLS_PER_TICK) {
				Optional<SourcePull> due = this.store.claimDue(this.clock.instant());
				if (due.isEmpty()) {
					break;
				}
				this.runner.run(due.get());
				ran++;
			}
			this.reader.caughtUp();
		}
		catch (RuntimeException ex) {
			boolean first = this.reader.state() != BackgroundReader.State.FAILING;
			this.reader.failed(ex);
			if (first) {
				log.warn("Could not run the pulls that are due; will try again in {}: {}", this.settings.tick(),
						ex.getMessage());
			}
		}
		return ran;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "source-pulls");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.settings.tick().toMillis();
		started.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
