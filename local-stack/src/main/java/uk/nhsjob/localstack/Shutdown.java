package uk.nhsjob.localstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What must be stopped, in reverse order of starting. Runs once, from the JVM's shutdown
 * hook (Ctrl-C, SIGTERM) or after a failed start; whatever is added after that is stopped
 * at once, so a process started while the stack is stopping is not left behind.
 */
final class Shutdown {

	private final Deque<Step> steps = new ArrayDeque<>();

	private final Consumer<String> say;

	private boolean stopping;

	Shutdown(Consumer<String> say) {
		this.say = say;
	}

	/** Adds a step, or runs it at once when stopping has begun. */
	void add(String what, Runnable stop) {
		Step step = new Step(what, stop);
		synchronized (this) {
			if (!this.stopping) {
				this.steps.push(step);
				return;
			}
		}
		run(step);
	}

	synchronized boolean hasSteps() {
		return !this.steps.isEmpty();
	}

	synchronized boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Runs every step, newest first; a failing step does not keep the others from
	 * running.
	 */
	void run() {
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
		}
		while (true) {
			Step step;
			synchronized (this) {
				step = this.steps.poll();
			}
			if (step == null) {
				return;
			}
			run(step);
		}
	}

	private void run(Step step) {
		this.say.accept("Stopping " + step.what());
		try {
			step.stop().run();
		}
		catch (RuntimeException ex) {
			this.say.accept("Stopping " + step.what() + " failed: " + ex);
		}
	}

	private record Step(String what, Runnable stop) {
	}

}
