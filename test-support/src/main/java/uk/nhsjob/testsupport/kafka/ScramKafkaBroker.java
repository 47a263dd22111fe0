package uk.nhsjob.testsupport.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.awaitility.Awaitility;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM single-node KRaft broker, of its own (not the shared one of
 * {@code TestInfrastructure}), whose only client listener requires SASL over plaintext:
 * clients log in with SCRAM-SHA-512 as the users it was started with, and one without the
 * right user and password is refused. No SCRAM user can log in before one exists, and
 * with Kafka 4.1 the Admin API cannot create one through the controller, so the broker's
 * own user (which it talks to itself as) logs in with SASL/PLAIN, its password in the
 * listener's JAAS setting, and creates the SCRAM users through the Admin API
 * ({@code alterUserScramCredentials}) once the broker runs. Everything is scoped to the
 * listener: nothing JVM-wide (no JAAS file) is touched. Close it when done.
 */
public final class ScramKafkaBroker implements AutoCloseable {

	/** The SASL mechanism the listener takes. */
	public static final String MECHANISM = "SCRAM-SHA-512";

	private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

	static final String BROKER_USER = "broker";

	private static final String BROKER_PASSWORD = "broker-secret";

	private final EmbeddedKafkaKraftBroker kafka;

	private ScramKafkaBroker(EmbeddedKafkaKraftBroker kafka) {
		this.kafka = kafka;
	}

	/** Starts the broker and gives it one client user with this password. */
	public static ScramKafkaBroker start(String user, String password) {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.brokerProperties(Map.of(
				// EXTERNAL is the test kit's broker listener, CONTROLLER its controller's
				"listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
				"sasl.enabled.mechanisms", MECHANISM + ",PLAIN", "sasl.mechanism.inter.broker.protocol", "PLAIN",
				"listener.name.external.plain.sasl.jaas.config",
				PLAIN_LOGIN + " required username=\"" + BROKER_USER + "\" password=\"" + BROKER_PASSWORD + "\" user_"
						+ BROKER_USER + "=\"" + BROKER_PASSWORD + "\";",
				"listener.name.external.scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + " required;",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"offsets.topic.replication.factor", "1", "auto.create.topics.enable", "false"));
		kafka.afterPropertiesSet();
		ScramKafkaBroker broker = new ScramKafkaBroker(kafka);
		try {
			broker.addUsers(Map.of(user, password));
			broker.awaitLogin(user, password);
		}
		catch (RuntimeException ex) {
			kafka.destroy();
			throw ex;
		}
		return broker;
	}

	/** The SASL JAAS setting of a client that logs in as this user. */
	public static String jaasConfig(String user, String password) {
		return SCRAM_LOGIN + " required username=\"" + user + "\" password=\"" + password + "\";";
	}

	/** The client listener, {@code host:port}. */
	public String bootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	/**
	 * What a plain Kafka client needs besides the bootstrap servers to log in as this
	 * user.
	 */
	public static Map<String, Object> clientProperties(String user, String password) {
		return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM,
				MECHANISM, SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
	}

	/**
	 * The Spring Boot settings that point a service at this broker as this user: Boot's
	 * own {@code spring.kafka.security.protocol} and
	 * {@code spring.kafka.properties.sasl.*} (docs/operations.md, "Credentials").
	 */
	public Map<String, String> springProperties(String user, String password) {
		return Map.of("spring.kafka.bootstrap-servers", bootstrapServers(), "spring.kafka.security.protocol",
				"SASL_PLAINTEXT", "spring.kafka.properties.sasl.mechanism", MECHANISM,
				"spring.kafka.properties.sasl.jaas.config", jaasConfig(user, password));
	}

	private void addUsers(Map<String, String> passwords) {
		List<UserScramCredentialAlteration> users = passwords.entrySet()
			.stream()
			.<UserScramCredentialAlteration>map((user) -> new UserScramCredentialUpsertion(user.getKey(),
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.getValue()))
			.toList();
		Map<String, Object> asBroker = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM, "PLAIN",
				SaslConfigs.SASL_JAAS_CONFIG,
				PLAIN_LOGIN + " required username=\"" + BROKER_USER + "\" password=\"" + BROKER_PASSWORD + "\";");
		try (Admin admin = Admin.create(asBroker)) {
			admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not create the SCRAM users", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while creating the SCRAM users", ex);
		}
	}

	/**
	 * Waits until the broker has the user's credentials (they reach it through the
	 * cluster's metadata, a moment after the controller took them).
	 */
	private void awaitLogin(String user, String password) {
		Map<String, Object> config = new HashMap<>(clientProperties(user, password));
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
			try (Admin admin = Admin.create(config)) {
				return !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty();
			}
		});
	}

	@Override
	public void close() {
		this.kafka.destroy();
	}

	@Override
	public String toString() {
		return "Kafka with SASL/SCRAM on " + bootstrapServers();
	}

}
