package uk.nhsjob.ingest;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IngestServiceTest
class ActuatorTests {

	@LocalServerPort
	int port;

	IngestApi api;

	@BeforeEach
	void setUp() {
		this.api = new IngestApi(this.port);
	}

	@Test
	void reportsHealthUpWithKafkaAndMongo() {
		IngestApi.Response health = this.api.get("/actuator/health", null);

		assertThat(health.status()).isEqualTo(200);
		JsonNode body = health.json();
		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
		assertThat(body.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void isReadyWithMongoWhateverTheBroker() {
		IngestApi.Response readiness = this.api.get("/actuator/health/readiness", null);

		assertThat(readiness.status()).isEqualTo(200);
		JsonNode body = readiness.json();
		assertThat(body.path("status").asString()).isEqualTo("UP");
		// the outbox holds what the broker cannot take yet: readiness leaves Kafka out
		assertThat(body.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo");
		assertThat(this.api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
	}

	@Test
	void showsTheOutboxRelayInTheBackgroundGroup() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			IngestApi.Response background = this.api.get("/actuator/health/background", null);
			assertThat(background.status()).isEqualTo(200);
			assertThat(background.text()).contains("\"ingest.outbox-relay\":\"CAUGHT_UP\"");
		});
	}

	@Test
	void exposesPrometheusMetrics() {
		IngestApi.Response metrics = this.api.get("/actuator/prometheus", null);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.text()).contains("jvm_memory_used_bytes");
	}

	@Test
	void exposesNoOtherActuatorEndpoint() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "loggers", "heapdump", "mappings" }) {
			assertThat(this.api.get("/actuator/" + endpoint, null).status()).as(endpoint).isEqualTo(404);
		}
	}

}
