package uk.nhsjob.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where these tests run, so this reads docker-compose.yml and
 * checks it against the services it starts: every Dockerfile it builds exists, every port
 * it publishes is the port the service listens on (on a host port or range that can be
 * set, so that a service scales), every environment variable it sets is one the service
 * reads, every dependency waits for a healthcheck, the three Kafka brokers make one
 * cluster whose replication the services are told of, and the services log in to Kafka
 * (SASL/SCRAM) and MongoDB with credentials through Spring Boot's own settings.
 */
class DockerComposeConsistencyTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

	private static Map<String, Map<String, Object>> services;

	private static Set<String> knownProperties;

	/** Properties that are maps, whose entries an environment variable may set. */
	private static Set<String> knownMapProperties;

	private static final List<String> KAFKA_BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

	private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFileAndConfigurationMetadata() throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			services = (Map<String, Map<String, Object>>) compose.get("services");
		}
		knownProperties = new HashSet<>();
		knownMapProperties = new HashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL metadata : Collections.list(DockerComposeConsistencyTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					knownProperties.add(property.path("name").asString());
					if (property.path("type").asString().startsWith("java.util.Map<")) {
						knownMapProperties.add(property.path("name").asString());
					}
				}
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service, 8081", "matcher-service, 8082", "notifier-service, 8083" })
	void buildsEachServiceFromTheOneDockerfileNamingItsModuleAndPort(String service, int port) {
		Map<String, Object> build = map(services.get(service).get("build"));
		assertThat(build.get("context")).isEqualTo(".");
		assertThat(build).doesNotContainKey("dockerfile");
		assertThat(map(build.get("args"))).containsEntry("SERVICE", service)
			.containsEntry("PORT", String.valueOf(port));
		assertThat(ROOT.resolve(service)).isDirectory();
		assertThat(ROOT.resolve("Dockerfile")).isRegularFile();
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service, 8081, INGEST_HOST_PORTS", "matcher-service, 8082, MATCHER_HOST_PORTS",
			"notifier-service, 8083, NOTIFIER_HOST_PORTS" })
	void publishesThePortEachServiceListensOnOnAHostPortThatARangeCanReplace(String service, int port, String hostPorts)
			throws IOException {
		assertThat(settingsOf(service)).contains("port: " + port);
		// one fixed host port would clash between the replicas of docker compose up
		// --scale
		assertThat(list(services.get(service).get("ports")))
			.containsExactly("${" + hostPorts + ":-" + port + "}:" + port);
		assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("EXPOSE ${PORT}")
			.contains("ENV SERVER_PORT=${PORT}")
			.contains("127.0.0.1:${SERVER_PORT}/actuator/health/readiness");
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "matcher-service", "notifier-service" })
	void setsOnlyEnvironmentVariablesTheServiceReads(String service) throws IOException {
		String settings = settingsOf(service);
		Set<String> placeholders = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(settings);
		while (matcher.find()) {
			placeholders.add(matcher.group(1));
		}
		Map<String, Object> environment = map(services.get(service).get("environment"));
		assertThat(environment).isNotEmpty();
		Set<String> bound = boundByRelaxedBinding(environment);
		for (String variable : environment.keySet()) {
			assertThat(placeholders.contains(variable) || bound.contains(variable))
				.as("%s sets %s, which %s reads neither as a ${placeholder} nor as a property", "docker-compose.yml",
						variable, service)
				.isTrue();
		}
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "matcher-service", "notifier-service" })
	void startsEachServiceOnlyOnceWhatItNeedsIsHealthyAndItsKafkaUserExists(String service) {
		Map<String, Object> dependsOn = map(services.get(service).get("depends_on"));
		assertThat(dependsOn).containsKeys(KAFKA_BROKERS.toArray(String[]::new)).containsKeys("mongo", "kafka-users");
		dependsOn.forEach((dependency, condition) -> {
			if (dependency.equals("kafka-users")) {
				// a one-shot service: done, not healthy
				assertThat(map(condition)).containsEntry("condition", "service_completed_successfully");
				return;
			}
			assertThat(map(condition)).containsEntry("condition", "service_healthy");
			assertThat(services.get(dependency)).as(dependency).containsKey("healthcheck");
		});
		Map<String, Object> usersDependOn = map(services.get("kafka-users").get("depends_on"));
		assertThat(usersDependOn).containsOnlyKeys(KAFKA_BROKERS.toArray(String[]::new));
		usersDependOn.values()
			.forEach((condition) -> assertThat(map(condition)).containsEntry("condition", "service_healthy"));
	}

	@Test
	void runsThreeKafkaBrokersThatAreEachAControllerOfOneClusterWithThreeVoters() {
		Set<Object> nodeIds = new HashSet<>();
		Set<Object> clusterIds = new HashSet<>();
		for (String broker : KAFKA_BROKERS) {
			Map<String, Object> environment = map(services.get(broker).get("environment"));
			assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_ADVERTISED_LISTENERS",
						"CLIENT://" + broker + ":9092,BROKER://" + broker + ":19092")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
			assertThat(environment.get("KAFKA_NODE_ID"))
				.isEqualTo(Integer.parseInt(broker.substring("kafka-".length())));
			nodeIds.add(environment.get("KAFKA_NODE_ID"));
			clusterIds.add(environment.get("CLUSTER_ID"));
			assertThat(services.get(broker)).containsKey("healthcheck");
			assertThat(list(services.get(broker).get("volumes"))).contains(broker + "-data:/var/lib/kafka/data");
		}
		assertThat(nodeIds).hasSize(3);
		assertThat(clusterIds).hasSize(1).doesNotContainNull();
		assertThat(services).doesNotContainKey("kafka");
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "matcher-service", "notifier-service" })
	void pointsEachServiceAtEveryBrokerWithTheClustersReplicationByTheLocalStacksNames(String service) {
		Map<String, Object> environment = map(services.get(service).get("environment"));
		assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092")
			.containsEntry("NHSJOB_KAFKA_REPLICATION_FACTOR", "3")
			.containsEntry("NHSJOB_KAFKA_MIN_INSYNC_REPLICAS", "2");
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "matcher-service", "notifier-service" })
	void logsEachServiceInToKafkaWithScramThroughBootsOwnSettings(String service) {
		Map<String, Object> environment = map(services.get(service).get("environment"));
		assertThat(environment).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
		assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).asString()
			.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ")
			.contains("username=\"nhsjob\"")
			.contains("password=\"${NHSJOB_KAFKA_PASSWORD:?")
			.endsWith(";");
		// the names are Boot's: spring.kafka.security.protocol and entries of
		// spring.kafka.properties, which every Kafka client of a service is built from
		assertThat(knownProperties).contains("spring.kafka.security.protocol");
		assertThat(knownMapProperties).contains("spring.kafka.properties");
		assertThat(boundByRelaxedBinding(environment)).contains("SPRING_KAFKA_SECURITY_PROTOCOL",
				"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
	}

	@Test
	void makesTheServicesScramUserOnTheListenerTheyUseAndKeepsTheBrokersOwnLoginApart() {
		Map<String, Object> users = map(services.get("kafka-users").get("environment"));
		assertThat(users).containsEntry("CLIENT_USER", "nhsjob");
		assertThat(users.get("CLIENT_PASSWORD")).asString().startsWith("${NHSJOB_KAFKA_PASSWORD:?");
		for (String broker : KAFKA_BROKERS) {
			Map<String, Object> environment = map(services.get(broker).get("environment"));
			assertThat(environment)
				.containsEntry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
						"CONTROLLER:PLAINTEXT,BROKER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT")
				.containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
				.containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
			assertThat(environment.get("KAFKA_LISTENER_NAME_BROKER_PLAIN_SASL_JAAS_CONFIG")).asString()
				.contains("${NHSJOB_KAFKA_BROKER_PASSWORD:?");
		}
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "matcher-service", "notifier-service" })
	void logsEachServiceInToMongoAsTheRootUserTheDatabaseIsStartedWith(String service) {
		Map<String, Object> mongo = map(services.get("mongo").get("environment"));
		String user = String.valueOf(mongo.get("MONGO_INITDB_ROOT_USERNAME"));
		assertThat(mongo.get("MONGO_INITDB_ROOT_PASSWORD")).asString().startsWith("${NHSJOB_MONGODB_PASSWORD:?");
		// MONGODB_URI is the ${placeholder} of spring.mongodb.uri in nhsjob-platform.yml
		assertThat(map(services.get(service).get("environment")).get("MONGODB_URI")).asString()
			.startsWith("mongodb://" + user + ":${NHSJOB_MONGODB_PASSWORD:?")
			.contains("@mongo:27017/")
			.contains("authSource=admin")
			.contains("replicaSet=rs0");
	}

	@Test
	void givesEveryMatcherReplicaTheSameSecretAndATransactionalIdentityOfItsOwn() throws IOException {
		Map<String, Object> environment = map(services.get("matcher-service").get("environment"));
		assertThat(environment.get("NHSJOB_MATCHER_TOKEN_SECRET")).asString()
			.startsWith("${NHSJOB_MATCHER_TOKEN_SECRET:?");
		// set once for the service, it would be the same in every replica: the default,
		// matcher-<container hostname>-, differs between them
		assertThat(environment).doesNotContainKey("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX");
		assertThat(settingsOf("matcher-service"))
			.contains("${NHSJOB_MATCHER_TRANSACTION_ID_PREFIX:matcher-${HOSTNAME:local}-}");
		assertThat(services.get("matcher-service")).doesNotContainKeys("container_name", "hostname");
	}

	@Test
	void givesTheNotifierItsAdminTokenAndAddressKeyWithNoDefault() {
		Map<String, Object> environment = map(services.get("notifier-service").get("environment"));
		assertThat(environment.get("NHSJOB_NOTIFIER_ADMIN_TOKEN")).asString()
			.startsWith("${NHSJOB_NOTIFIER_ADMIN_TOKEN:?");
		assertThat(environment.get("NHSJOB_NOTIFIER_ADDRESS_KEY")).asString()
			.startsWith("${NHSJOB_NOTIFIER_ADDRESS_KEY:?");
	}

	/** The service's own settings file and the shared one it imports. */
	private static String settingsOf(String service) throws IOException {
		return Files.readString(ROOT.resolve(service + "/src/main/resources/" + service + ".yml"))
				+ Files.readString(ROOT.resolve("platform/src/main/resources/nhsjob-platform.yml"));
	}

	/**
	 * The variables that Boot's own relaxed binding maps onto a known property
	 * (NHSJOB_KAFKA_REPLICATION_FACTOR onto nhsjob.kafka.replication-factor, say).
	 */
	private static Set<String> boundByRelaxedBinding(Map<String, Object> environment) {
		Map<String, Object> variables = new HashMap<>();
		environment.forEach((name, value) -> variables.put(name, String.valueOf(value)));
		ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		Set<String> bound = new HashSet<>();
		for (String property : knownProperties) {
			if (!PROPERTY_NAME.matcher(property).matches()) {
				continue;
			}
			ConfigurationProperty found = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
			if (found != null && found.getOrigin() instanceof PropertySourceOrigin origin) {
				bound.add(origin.getPropertyName());
			}
		}
		// an entry of a map (SPRING_KAFKA_PROPERTIES_SASL_MECHANISM is
		// spring.kafka.properties
		// [sasl.mechanism])
		for (String variable : variables.keySet()) {
			ConfigurationPropertyName name = ConfigurationPropertyName
				.adapt(variable.toLowerCase(Locale.ROOT).replace('_', '.'), '.');
			if (knownMapProperties.stream().anyMatch((map) -> ConfigurationPropertyName.of(map).isAncestorOf(name))) {
				bound.add(variable);
			}
		}
		return bound;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return (List<String>) value;
	}

}
