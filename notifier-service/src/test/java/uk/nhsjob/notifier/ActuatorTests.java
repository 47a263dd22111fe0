package uk.nhsjob.notifier;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotifierIntegrationTest
class ActuatorTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void readinessIsUpWithMongoButNeitherKafkaNorMail() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.status").isEqualTo("UP");
			assertThat(json).extractingPath("$.components.mongo.status").isEqualTo("UP");
			assertThat(json).doesNotHavePath("$.components.kafka");
			assertThat(json).doesNotHavePath("$.components.mail");
		});
	}

	@Test
	void backgroundGroupShowsEachListenerAndTheSender() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/background")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.components.backgroundReaders.details")
				.asMap()
				.containsKeys("listener notifier-service.profiles #0", "listener notifier-service.alerts #0",
						"listener notifier-service.alerts #2", "listener notifier-service.vacancies #0", "email sender",
						"parked matches"));
	}

	@Test
	void healthAndLivenessAreUp() {
		// once the listeners have reached the broker (the background group)
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.status")
				.isEqualTo("UP"));
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
	}

	@Test
	void prometheusAnswersWithTheEmailCounters() {
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("notifier_emails_sent_total{kind=\"confirmation\"", "notifier_matches_parked ");
	}

	@Test
	void exposesNoOtherEndpoint() {
		assertThat(this.mvc.get().uri("/actuator/env")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/actuator/beans")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/actuator/configprops")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
