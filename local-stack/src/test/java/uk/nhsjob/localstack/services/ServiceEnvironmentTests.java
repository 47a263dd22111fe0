package uk.nhsjob.localstack.services;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTests {

	private static final Service INGEST = new Service(Service.INGEST, 8081, Path.of("i.jar"));

	private static final Service MATCHER = new Service(Service.MATCHER, 8082, Path.of("m.jar"));

	private static final Service NOTIFIER = new Service(Service.NOTIFIER, 8083, Path.of("n.jar"));

	private final ServiceEnvironment environment = new ServiceEnvironment("mongodb://127.0.0.1:27017",
			"127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094", 3, 2, "127.0.0.1", 1025, "admin-token", "token-secret",
			"http://localhost:8082", "notifier-admin-token", "address-key");

	@Test
	void givesEveryServiceTheInfrastructureItsPortAndTheClustersReplication() {
		assertThat(this.environment.variables(new ServiceInstance(NOTIFIER, 1, 1)))
			.containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094")
			.containsEntry("NHSJOB_KAFKA_REPLICATION_FACTOR", "3")
			.containsEntry("NHSJOB_KAFKA_MIN_INSYNC_REPLICAS", "2")
			.containsEntry("SMTP_HOST", "127.0.0.1")
			.containsEntry("SMTP_PORT", "1025")
			.containsEntry("SERVER_PORT", "8083")
			.containsEntry("NHSJOB_MATCHER_PUBLIC_BASE_URL", "http://localhost:8082")
			.containsEntry("NHSJOB_NOTIFIER_ADMIN_TOKEN", "notifier-admin-token")
			.containsEntry("NHSJOB_NOTIFIER_ADDRESS_KEY", "address-key")
			.doesNotContainKeys("NHSJOB_INGEST_ADMIN_TOKEN", "NHSJOB_MATCHER_TOKEN_SECRET");
	}

	@Test
	void givesEachSecretOnlyToTheServiceItBelongsTo() {
		assertThat(this.environment.variables(new ServiceInstance(INGEST, 1, 1)))
			.containsEntry("NHSJOB_INGEST_ADMIN_TOKEN", "admin-token")
			.doesNotContainKeys("NHSJOB_MATCHER_TOKEN_SECRET", "NHSJOB_NOTIFIER_ADMIN_TOKEN",
					"NHSJOB_NOTIFIER_ADDRESS_KEY");
		assertThat(this.environment.variables(new ServiceInstance(MATCHER, 1, 1)))
			.containsEntry("NHSJOB_MATCHER_TOKEN_SECRET", "token-secret")
			.doesNotContainKey("NHSJOB_INGEST_ADMIN_TOKEN");
	}

	@Test
	void theMatcherTrustsForwardedAddressesFromLoopbackOnly() {
		assertThat(this.environment.variables(new ServiceInstance(MATCHER, 1, 1)))
			.containsEntry("NHSJOB_MATCHER_TRUSTED_PROXIES", "127.0.0.0/8, ::1/128");
		assertThat(this.environment.variables(new ServiceInstance(INGEST, 1, 1)))
			.doesNotContainKey("NHSJOB_MATCHER_TRUSTED_PROXIES");
	}

	@Test
	void theIngestMayPullFromLoopbackForTheDemoPullSource() {
		assertThat(this.environment.variables(new ServiceInstance(INGEST, 1, 1)))
			.containsEntry("NHSJOB_INGEST_PULL_FETCH_ALLOW_LOOPBACK", "true");
		assertThat(this.environment.variables(new ServiceInstance(MATCHER, 1, 1)))
			.doesNotContainKey("NHSJOB_INGEST_PULL_FETCH_ALLOW_LOOPBACK");
	}

	@Test
	void aSingleMatcherKeepsItsDefaultTransactionalIdentity() {
		assertThat(this.environment.variables(new ServiceInstance(MATCHER, 1, 1)))
			.doesNotContainKey("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX");
	}

	@Test
	void twoInstancesOfEachServiceListenAHundredApartUnderNamesOfTheirOwn() {
		List<ServiceInstance> instances = ServiceInstance.of(List.of(INGEST, MATCHER, NOTIFIER), 2);

		assertThat(instances).extracting(ServiceInstance::name, ServiceInstance::port)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ingest-service-1", 8081),
					org.assertj.core.groups.Tuple.tuple("matcher-service-1", 8082),
					org.assertj.core.groups.Tuple.tuple("notifier-service-1", 8083),
					org.assertj.core.groups.Tuple.tuple("ingest-service-2", 8181),
					org.assertj.core.groups.Tuple.tuple("matcher-service-2", 8182),
					org.assertj.core.groups.Tuple.tuple("notifier-service-2", 8183));
		assertThat(instances).extracting((instance) -> this.environment.variables(instance).get("SERVER_PORT"))
			.containsExactly("8081", "8082", "8083", "8181", "8182", "8183");
		assertThat(ServiceInstance.of(List.of(INGEST, MATCHER, NOTIFIER), 1)).extracting(ServiceInstance::name)
			.containsExactly("ingest-service", "matcher-service", "notifier-service");
	}

	@Test
	void twoMatchersShareTheLinkSecretButEachHasATransactionalIdentityOfItsOwnThatOutlivesARestart() {
		var first = this.environment.variables(new ServiceInstance(MATCHER, 1, 2));
		var second = this.environment.variables(new ServiceInstance(MATCHER, 2, 2));

		assertThat(first.get("NHSJOB_MATCHER_TOKEN_SECRET")).isEqualTo(second.get("NHSJOB_MATCHER_TOKEN_SECRET"))
			.isEqualTo("token-secret");
		assertThat(first.get("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX"))
			.isNotEqualTo(second.get("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX"));
		assertThat(this.environment.variables(new ServiceInstance(MATCHER, 2, 2)))
			.as("the same on the next start of the second instance")
			.containsEntry("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX", second.get("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX"));
		assertThat(this.environment.variables(new ServiceInstance(INGEST, 1, 2)).get("NHSJOB_INGEST_ADMIN_TOKEN"))
			.isEqualTo(this.environment.variables(new ServiceInstance(INGEST, 2, 2)).get("NHSJOB_INGEST_ADMIN_TOKEN"));
	}

}
