package uk.nhsjob.matcher.matching;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before any vacancy is matched or any request answered: the match index rebuilt from
 * MongoDB. It runs in the first phase of the context's start, ahead of the web server and
 * the listener containers, so the service is neither ready nor consuming until it is
 * done. The sent matches are reconciled with the alerts topic beside it, in the
 * background, from their checkpoint ({@link SentReconciliation}).
 */
@Component
class MatchingStartup implements SmartLifecycle {

	private final ActiveAlerts activeAlerts;

	private volatile boolean done;

	MatchingStartup(ActiveAlerts activeAlerts) {
		this.activeAlerts = activeAlerts;
	}

	@Override
	public void start() {
		if (!this.done) {
			this.activeAlerts.rebuild();
			this.done = true;
		}
	}

	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		return this.done;
	}

	boolean isDone() {
		return this.done;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

}
