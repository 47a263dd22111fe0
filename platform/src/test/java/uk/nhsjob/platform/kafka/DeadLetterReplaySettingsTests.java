package uk.nhsjob.platform.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line dead-letter replay logs in to the brokers with the settings the
 * services take (docs/operations.md, "Credentials"), from the same environment variables.
 */
class DeadLetterReplaySettingsTests {

	@Test
	void takesTheServicesKafkaLoginSettingsFromTheEnvironment() {
		Map<String, Object> properties = DeadLetterReplay.clientPropertiesOf(environment(Map.of(
				"KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092", "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
				"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
				"SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/nhsjob/kafka-truststore.p12",
				"SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "changeit", "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12")));

		assertThat(properties).containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
			.containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";")
			.containsEntry("ssl.truststore.location", "/etc/nhsjob/kafka-truststore.p12")
			.containsEntry("ssl.truststore.password", "changeit")
			.containsEntry("ssl.truststore.type", "PKCS12");
	}

	@Test
	void connectsToTheLocalBrokerWithoutCredentialsByDefault() {
		Map<String, Object> properties = DeadLetterReplay.clientPropertiesOf(environment(Map.of()));

		assertThat(properties).containsEntry("bootstrap.servers", "127.0.0.1:9092")
			.doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

}
