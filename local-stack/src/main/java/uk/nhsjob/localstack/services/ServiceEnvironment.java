package uk.nhsjob.localstack.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every service is started with, by the names the services read.
 *
 * @param mongoUri {@code MONGODB_URI}
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param replicationFactor {@code NHSJOB_KAFKA_REPLICATION_FACTOR}: copies of each topic
 * the services create
 * @param minInsyncReplicas {@code NHSJOB_KAFKA_MIN_INSYNC_REPLICAS}
 * @param smtpHost {@code SMTP_HOST}
 * @param smtpPort {@code SMTP_PORT}
 * @param adminToken {@code NHSJOB_INGEST_ADMIN_TOKEN}
 * @param matcherTokenSecret {@code NHSJOB_MATCHER_TOKEN_SECRET}, the same for every
 * matcher so that each accepts the links another signed
 * @param matcherPublicBaseUrl {@code NHSJOB_MATCHER_PUBLIC_BASE_URL}
 * @param notifierAdminToken {@code NHSJOB_NOTIFIER_ADMIN_TOKEN}
 * @param notifierAddressKey {@code NHSJOB_NOTIFIER_ADDRESS_KEY}, the same for every
 * notifier so that each finds the suppressions another kept
 */
public record ServiceEnvironment(String mongoUri, String kafkaBootstrapServers, int replicationFactor,
		int minInsyncReplicas, String smtpHost, int smtpPort, String adminToken, String matcherTokenSecret,
		String matcherPublicBaseUrl, String notifierAdminToken, String notifierAddressKey) {

	/** The proxies the matcher trusts on the local stack. */
	static final String LOOPBACK = "127.0.0.0/8, ::1/128";

	/**
	 * The variables for one instance: the infrastructure's addresses and its port for
	 * every instance, a secret only for the service it belongs to, and where one of
	 * several needs an identity of its own, that identity.
	 */
	public Map<String, String> variables(ServiceInstance instance) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("SERVER_PORT", String.valueOf(instance.port()));
		variables.put("MONGODB_URI", this.mongoUri);
		variables.put("KAFKA_BOOTSTRAP_SERVERS", this.kafkaBootstrapServers);
		variables.put("NHSJOB_KAFKA_REPLICATION_FACTOR", String.valueOf(this.replicationFactor));
		variables.put("NHSJOB_KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(this.minInsyncReplicas));
		variables.put("SMTP_HOST", this.smtpHost);
		variables.put("SMTP_PORT", String.valueOf(this.smtpPort));
		variables.put("NHSJOB_MATCHER_PUBLIC_BASE_URL", this.matcherPublicBaseUrl);
		String service = instance.service().name();
		if (service.equals(Service.INGEST)) {
			variables.put("NHSJOB_INGEST_ADMIN_TOKEN", this.adminToken);
			// the demo pull source is served by the stack on loopback, over plain http
			variables.put("NHSJOB_INGEST_PULL_FETCH_ALLOW_LOOPBACK", "true");
		}
		if (service.equals(Service.NOTIFIER)) {
			variables.put("NHSJOB_NOTIFIER_ADMIN_TOKEN", this.notifierAdminToken);
			variables.put("NHSJOB_NOTIFIER_ADDRESS_KEY", this.notifierAddressKey);
		}
		if (service.equals(Service.MATCHER)) {
			variables.put("NHSJOB_MATCHER_TOKEN_SECRET", this.matcherTokenSecret);
			// as if behind a proxy on the same host: X-Forwarded-For from loopback names
			// the
			// client its limits count (docs/alerts.md, "Limits")
			variables.put("NHSJOB_MATCHER_TRUSTED_PROXIES", LOOPBACK);
			if (instance.isOneOfSeveral()) {
				// unique among the instances and the same on every start of this one, so
				// that
				// a restarted instance fences off the transactions its crashed self left
				// open
				variables.put("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX", "matcher-local-" + instance.number() + "-");
			}
		}
		return variables;
	}

}
