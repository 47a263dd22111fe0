package uk.nhsjob.matcher;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@MatcherIntegrationTest
class OperationsIntegrationTests {

	@Autowired
	private RestTestClient http;

	@Test
	void isHealthyAndReadyWithKafkaAndMongo() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mongo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP")
			.jsonPath("$.components.matching.status")
			.isEqualTo("UP");
	}

	@Test
	void answersPrometheus() {
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("jvm_memory_used_bytes")
				.contains("process_uptime_seconds"));
	}

	@Test
	void exposesNoOtherActuatorEndpoint() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "info", "metrics", "loggers" }) {
			this.http.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
		}
	}

}
