package uk.nhsjob.platform.background;

import org.jspecify.annotations.Nullable;

/**
 * The dependency a background reader is waiting for while it fails, named to an operator
 * in the fault lines of the log, in the {@code background} health group and as a metric
 * label (docs/operations.md, "Logs"). Told from a failure and its causes by class name,
 * so that the platform needs none of those libraries: the innermost cause that names one
 * wins, since a wrapper (a listener's failure, Spring's translation of a driver's
 * exception) says less than what it wraps.
 */
public enum Dependency {

	/** MongoDB: the driver's exceptions, and Spring Data MongoDB's own. */
	MONGODB("MongoDB"),
	/** The Kafka brokers: the client's exceptions. */
	KAFKA("Kafka"),
	/** The SMTP server: Jakarta Mail's exceptions, and Spring's {@code MailException}. */
	SMTP("SMTP"),
	/** Anything else: another service not there yet, a bug. */
	OTHER("other");

	/** Causes followed at most; a cycle of causes stops there too. */
	private static final int MAX_DEPTH = 16;

	private final String label;

	Dependency(String label) {
		this.label = label;
	}

	/** How it is written in log lines, health details and metric labels. */
	public String label() {
		return this.label;
	}

	/** The dependency the failure, or its innermost cause that names one, points at. */
	public static Dependency of(@Nullable Throwable failure) {
		Throwable naming = namingCause(failure);
		return (naming != null) ? named(naming.getClass()) : OTHER;
	}

	/**
	 * The kind of failure to show an operator: the simple class name of the innermost
	 * cause that names a dependency ({@code MongoTimeoutException} rather than Spring's
	 * wrapper of it), else of the failure itself. Never a message, which may name a
	 * server or quote a document.
	 */
	public static String kindOf(Throwable failure) {
		Throwable naming = namingCause(failure);
		return ((naming != null) ? naming : failure).getClass().getSimpleName();
	}

	private static @Nullable Throwable namingCause(@Nullable Throwable failure) {
		Throwable found = null;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
			if (named(cause.getClass()) != OTHER) {
				found = cause;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return found;
	}

	private static Dependency named(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			String name = candidate.getName();
			if (name.startsWith("com.mongodb.") || name.startsWith("org.springframework.data.mongodb.")) {
				return MONGODB;
			}
			// not Spring Kafka's exceptions: a listener's failure wraps whatever failed
			// in it
			if (name.startsWith("org.apache.kafka.")) {
				return KAFKA;
			}
			if (name.startsWith("jakarta.mail.") || name.equals("org.springframework.mail.MailException")) {
				return SMTP;
			}
		}
		return OTHER;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
