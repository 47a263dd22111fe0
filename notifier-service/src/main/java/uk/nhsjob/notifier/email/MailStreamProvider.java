package uk.nhsjob.notifier.email;

/**
 * Names Jakarta Mail's stream provider once for the JVM. Without the name, Jakarta Mail
 * 2.1 looks the provider up through {@code ServiceLoader}, reading the class path's jars,
 * for every body part it makes or writes (jakartaee/mail-api#861): a quarter of the
 * sending thread's time in a profile of the notifier (benchmarks/README.md, "Notifier
 * throughput"). Named, it is made from its class, which the class loader keeps.
 */
final class MailStreamProvider {

	static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailStreamProvider() {
	}

	/** Names Angus Mail's provider, unless the JVM was given one. */
	static void nameOnce() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, ANGUS);
		}
	}

}
