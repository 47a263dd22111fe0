package uk.nhsjob.testsupport;

import java.util.Locale;
import java.util.Map;

/**
 * One Kafka broker, one MongoDB-wire server and one SMTP server for all the tests of a
 * JVM, started on first use and stopped when the JVM ends.
 * <p>
 * The system property {@value #KIND_PROPERTY} chooses them: {@code embedded} (an in-JVM
 * KRaft broker, mongo-java-server and GreenMail), {@code containers} (Testcontainers'
 * Kafka, MongoDB and Mailpit), or {@code auto}, the default: containers when a Docker
 * engine answers, else embedded. Tests see the same addresses and the same
 * {@link Mailbox} either way.
 */
public interface TestInfrastructure {

	String KIND_PROPERTY = "nhsjob.test.infrastructure";

	String kafkaBootstrapServers();

	String mongoUri();

	String smtpHost();

	int smtpPort();

	Mailbox mailbox();

	/**
	 * Stops the Kafka broker, as an outage would: clients lose it until
	 * {@link #startKafka()} starts it again on the same address, with the same topics,
	 * records and committed offsets. The broker is shared by every test of the JVM: a
	 * test that stops it starts it again (in a {@code finally}).
	 */
	void stopKafka();

	/** Starts the broker {@link #stopKafka()} stopped, and waits until it is ready. */
	void startKafka();

	/**
	 * Stops the MongoDB-wire server, as an outage would: clients lose it until
	 * {@link #startMongo()} starts it again on the same address, with the same data.
	 * Shared like the broker: a test that stops it starts it again (in a
	 * {@code finally}).
	 */
	void stopMongo();

	/** Starts the server {@link #stopMongo()} stopped. */
	void startMongo();

	/** The settings that point a Spring Boot service at this infrastructure. */
	default Map<String, String> springProperties() {
		return Map.of("spring.kafka.bootstrap-servers", kafkaBootstrapServers(), "spring.mongodb.uri", mongoUri(),
				"MONGODB_URI", mongoUri(), "spring.mail.host", smtpHost(), "spring.mail.port",
				String.valueOf(smtpPort()));
	}

	static TestInfrastructure shared() {
		return SharedInfrastructure.INSTANCE;
	}

	/** Holds the one instance, created on first use. */
	final class SharedInfrastructure {

		static final TestInfrastructure INSTANCE = start();

		private SharedInfrastructure() {
		}

		private static TestInfrastructure start() {
			String kind = System.getProperty(KIND_PROPERTY, "auto").toLowerCase(Locale.ROOT);
			TestInfrastructure infrastructure = switch (kind) {
				case "embedded" -> EmbeddedInfrastructure.start();
				case "containers" -> ContainerInfrastructure.start();
				case "auto" -> ContainerInfrastructure.isDockerAvailable() ? ContainerInfrastructure.start()
						: EmbeddedInfrastructure.start();
				default -> throw new IllegalArgumentException(
						KIND_PROPERTY + " must be embedded, containers or auto, not " + kind);
			};
			System.out.println("Test infrastructure: " + infrastructure);
			return infrastructure;
		}

	}

}
