package uk.nhsjob.localstack.control;

import java.util.List;

/**
 * The stack's state as {@code GET /control/status} answers it.
 *
 * @param mongo {@code running}, {@code stopped}, or {@code external} when
 * {@code MONGODB_URI} names a MongoDB of the user's
 * @param smtp the SMTP port's mode: {@code accept}, {@code unavailable},
 * {@code refuse-data}
 * @param processes every broker and instance started, in the order started
 */
record ControlStatus(String mongo, String smtp, List<Child> processes) {

	/**
	 * A broker or an instance.
	 *
	 * @param name as the launcher calls it ({@code kafka-2}, {@code matcher-service-2})
	 * @param kind {@code broker} or {@code service}
	 * @param pid its current process, a new one after each restart
	 * @param alive whether that process runs
	 */
	record Child(String name, String kind, long pid, boolean alive) {

	}

	/** The answer to a kill: whom, and which process. */
	record Killed(String name, long pid) {

	}

	/** What went wrong. */
	record Failure(String error) {

	}

}
