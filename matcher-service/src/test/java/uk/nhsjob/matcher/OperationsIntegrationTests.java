package uk.nhsjob.matcher;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MatcherIntegrationTest
class OperationsIntegrationTests {

	@Autowired
	private RestTestClient http;

	@Test
	void isHealthyAndReadyAndItsTopicReadersCatchUp() {
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
			.jsonPath("$.components.kafka")
			.doesNotExist()
			.jsonPath("$.components.mongo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP")
			.jsonPath("$.components.matching.status")
			.isEqualTo("UP");
		// the topic readers are the background group's, caught up once the service is
		// ready
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.http.get()
				.uri("/actuator/health/background")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.backgroundReaders.details['matcher-profile-index']")
				.isEqualTo("CAUGHT_UP"));
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
