package uk.nhsjob.localstack.services;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTests {

	private final ServiceEnvironment environment = new ServiceEnvironment("mongodb://127.0.0.1:27017", "127.0.0.1:9092",
			"127.0.0.1", 1025, "admin-token", "token-secret", "http://localhost:8082");

	@Test
	void givesEveryServiceTheInfrastructureAndItsPort() {
		assertThat(this.environment.variables(new Service(Service.NOTIFIER, 8083, Path.of("n.jar"))))
			.containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
			.containsEntry("SMTP_HOST", "127.0.0.1")
			.containsEntry("SMTP_PORT", "1025")
			.containsEntry("SERVER_PORT", "8083")
			.containsEntry("NHSJOB_MATCHER_PUBLIC_BASE_URL", "http://localhost:8082")
			.doesNotContainKeys("NHSJOB_INGEST_ADMIN_TOKEN", "NHSJOB_MATCHER_TOKEN_SECRET");
	}

	@Test
	void givesEachSecretOnlyToTheServiceItBelongsTo() {
		assertThat(this.environment.variables(new Service(Service.INGEST, 8081, Path.of("i.jar"))))
			.containsEntry("NHSJOB_INGEST_ADMIN_TOKEN", "admin-token")
			.doesNotContainKey("NHSJOB_MATCHER_TOKEN_SECRET");
		assertThat(this.environment.variables(new Service(Service.MATCHER, 8082, Path.of("m.jar"))))
			.containsEntry("NHSJOB_MATCHER_TOKEN_SECRET", "token-secret")
			.doesNotContainKey("NHSJOB_INGEST_ADMIN_TOKEN");
	}

}
