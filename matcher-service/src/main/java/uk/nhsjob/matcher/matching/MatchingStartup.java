package uk.nhsjob.matcher.matching;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before any vacancy is matched or any request answered: the sent matches reconciled with
 * the alerts topic. (The match index is built by the {@link AlertProfileReader}, and
 * matching waits for it.) It runs in the first phase of the context's start, ahead of the
 * web server and the listener containers, so the service is neither ready nor consuming
 * until it is done.
 */
@Component
class MatchingStartup implements SmartLifecycle {

	private final SentReconciliation reconciliation;

	private volatile boolean done;

	MatchingStartup(SentReconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@Override
	public void start() {
		if (!this.done) {
			this.reconciliation.reconcile();
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
