package uk.nhsjob.localstack.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every service is started with, by the names the services read.
 *
 * @param mongoUri {@code MONGODB_URI}
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param smtpHost {@code SMTP_HOST}
 * @param smtpPort {@code SMTP_PORT}
 * @param adminToken {@code NHSJOB_INGEST_ADMIN_TOKEN}
 * @param matcherTokenSecret {@code NHSJOB_MATCHER_TOKEN_SECRET}
 * @param matcherPublicBaseUrl {@code NHSJOB_MATCHER_PUBLIC_BASE_URL}
 */
public record ServiceEnvironment(String mongoUri, String kafkaBootstrapServers, String smtpHost, int smtpPort,
		String adminToken, String matcherTokenSecret, String matcherPublicBaseUrl) {

	/**
	 * The variables for one service: the infrastructure's addresses and its port for
	 * every service, a secret only for the service it belongs to.
	 */
	Map<String, String> variables(Service service) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("SERVER_PORT", String.valueOf(service.port()));
		variables.put("MONGODB_URI", this.mongoUri);
		variables.put("KAFKA_BOOTSTRAP_SERVERS", this.kafkaBootstrapServers);
		variables.put("SMTP_HOST", this.smtpHost);
		variables.put("SMTP_PORT", String.valueOf(this.smtpPort));
		variables.put("NHSJOB_MATCHER_PUBLIC_BASE_URL", this.matcherPublicBaseUrl);
		if (service.name().equals(Service.INGEST)) {
			variables.put("NHSJOB_INGEST_ADMIN_TOKEN", this.adminToken);
		}
		if (service.name().equals(Service.MATCHER)) {
			variables.put("NHSJOB_MATCHER_TOKEN_SECRET", this.matcherTokenSecret);
		}
		return variables;
	}

}
