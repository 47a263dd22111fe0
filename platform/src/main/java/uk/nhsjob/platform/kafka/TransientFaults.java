package uk.nhsjob.platform.kafka;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells a fault that passes from one that does not (docs/operations.md, "Dead letters"):
 * an exception implementing {@link TransientFault}, or, anywhere in its causes, one of
 * the usual signs of a dependency away for a while — Spring's
 * {@code TransientDataAccessException} and {@code DataAccessResourceFailureException},
 * MongoDB's timeouts and socket errors, Kafka's retriable errors (its
 * {@code TimeoutException} among them), a socket that would not connect or timed out (an
 * SMTP server out of reach, under Spring's {@code MailException}). Matched by class name,
 * so that the platform needs none of those libraries.
 */
public final class TransientFaults {

	private static final Set<String> PASSING = Set.of("org.springframework.dao.TransientDataAccessException",
			"org.springframework.dao.DataAccessResourceFailureException", "com.mongodb.MongoTimeoutException",
			"com.mongodb.MongoSocketException", "com.mongodb.MongoExecutionTimeoutException",
			"org.apache.kafka.common.errors.RetriableException", "org.apache.kafka.common.errors.TimeoutException",
			"java.net.SocketException", "java.net.SocketTimeoutException", "java.net.UnknownHostException",
			"jakarta.mail.MailConnectException");

	/** Causes followed at most; a cycle of causes stops there too. */
	private static final int MAX_DEPTH = 16;

	private TransientFaults() {
	}

	/** Whether the failure, or one of its causes, is a fault that passes. */
	public static boolean isTransient(@Nullable Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
			if (cause instanceof TransientFault || isPassing(cause.getClass())) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

	private static boolean isPassing(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (PASSING.contains(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

}
