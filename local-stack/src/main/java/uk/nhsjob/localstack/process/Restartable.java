package uk.nhsjob.localstack.process;

import java.time.Duration;

/**
 * A child of the stack that can be started again after it crashed: a Kafka broker or an
 * instance of a service.
 */
public interface Restartable {

	/** What the user calls it ({@code kafka-2}, {@code matcher-service-2}). */
	String name();

	/** The process running now, or the one that ended last. */
	ChildProcess process();

	/**
	 * Starts it again as it was started first, without waiting for it.
	 * @throws IllegalStateException while it still runs
	 */
	ChildProcess restart();

	/**
	 * Waits until it serves again.
	 * @throws IllegalStateException when it exits or the time runs out
	 */
	void awaitReady(Duration timeout);

}
