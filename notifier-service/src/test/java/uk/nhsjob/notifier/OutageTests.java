package uk.nhsjob.notifier;

import java.time.Duration;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dependency stops under a running notifier and starts again (docs/operations.md,
 * "Health"). The broker: the {@code background} group is DOWN meanwhile while readiness
 * stays UP, and afterwards the listeners carry on by themselves, so a match published
 * then is emailed. MongoDB: readiness is DOWN meanwhile, naming it, and UP again by
 * itself.
 */
@SlowTest
@NotifierIntegrationTest
class OutageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Test
	void waitsOutABrokerOutageAndCarriesOnByItself(TestInfrastructure infrastructure, Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status("background")).isEqualTo(200));

		infrastructure.stopKafka();
		try {
			// each reader notices the outage on its own next poll, so the group may be
			// DOWN for
			// one reader while another is still to notice
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				MvcTestResult background = this.mvc.get().uri("/actuator/health/background").exchange();
				assertThat(background).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(background).bodyJson()
					.extractingPath("$.components.backgroundReaders.details")
					.asMap()
					.hasEntrySatisfying("listener notifier-service.alerts #0",
							(state) -> assertThat(state).asString()
								.contains("BEHIND")
								.contains(": Kafka (no connection to the Kafka brokers)"));
			});
			assertThat(status("readiness")).isEqualTo(200);
		}
		finally {
			infrastructure.startKafka();
		}

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Ward Clerk")));
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			assertThat(mailbox.messagesTo(alert.address())).isNotEmpty();
			assertThat(status("background")).isEqualTo(200);
		});
		assertThat(status("readiness")).isEqualTo(200);
	}

	@Test
	void readinessNamesMongoDbWhileItIsAwayAndIsUpAgainByItself(TestInfrastructure infrastructure) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status("readiness")).isEqualTo(200));

		infrastructure.stopMongo();
		try {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				MvcTestResult readiness = this.mvc.get().uri("/actuator/health/readiness").exchange();
				assertThat(readiness).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(readiness).bodyJson()
					.extractingPath("$.components.mongo")
					.asMap()
					.containsEntry("status", "DOWN")
					.extractingByKey("details")
					.asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("dependency", "MongoDB")
					.containsKeys("downSince", "error");
				assertThat(readiness.getResponse().getContentAsString()).doesNotContain("mongodb://")
					.doesNotContain(infrastructure.mongoUri().substring("mongodb://".length()));
			});
			assertThat(this.mvc.get().uri("/actuator/health/readiness")).bodyJson()
				.extractingPath("$.components.readinessState.status")
				.isEqualTo("UP");
		}
		finally {
			infrastructure.startMongo();
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status("readiness")).isEqualTo(200));
		// the same data on the same address
		assertThat(this.registry.find(alert.alertId())).isPresent();
	}

	private int status(String group) {
		return this.mvc.get().uri("/actuator/health/" + group).exchange().getResponse().getStatus();
	}

}
