package uk.nhsjob.notifier.recipient;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.suppression.Suppressions;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@NotifierIntegrationTest
class ErasureTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Suppressions suppressions;

	@Test
	void tombstoneErasesTheRecipientAndItsDeliveryHistory(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));
		mailbox.awaitMessageTo(alert.address());
		assertThat(deliveriesOf(alert)).isPositive();

		this.publisher.publish(Topics.PROFILES, alert.alertId(), null);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.registry.find(alert.alertId())).isEmpty();
			assertThat(deliveriesOf(alert)).isZero();
		});
	}

	/**
	 * The jobs an address's inbox was sent ({@code inboxJobs}, keyed by the address's
	 * keyed hash) stay while another alert of the address is left, and go with its last.
	 */
	@Test
	void theJobsAnAddressWasSentGoWithItsLastAlert(Mailbox mailbox) {
		Alert first = Alert.unique();
		Alert second = new Alert(Alert.unique().alertId(), first.address());
		this.publisher.publish(Topics.PROFILES, first.alertId(), first.profile(1, AlertStatus.ACTIVE, 1));
		this.publisher.publish(Topics.PROFILES, second.alertId(), second.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.registry.find(first.alertId()).isPresent()
					&& this.registry.find(second.alertId()).isPresent());
		this.publisher.publish(Topics.ALERTS, first.alertId(), first.matched(TestEvents.vacancy("Medical Secretary")));
		mailbox.awaitMessageTo(first.address());
		await().atMost(Duration.ofSeconds(30)).until(() -> inboxJobsOf(first) == 1);

		this.publisher.publish(Topics.PROFILES, first.alertId(), null);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.isErased(first.alertId()));
		assertThat(inboxJobsOf(first)).as("the address still has an alert").isOne();

		this.publisher.publish(Topics.PROFILES, second.alertId(), null);
		await().atMost(Duration.ofSeconds(60)).until(() -> inboxJobsOf(first) == 0);
	}

	@Test
	void aMatchParkedForAnAlertErasedBeforeItsProfileArrivedIsNeverSent(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));
		await().atMost(Duration.ofSeconds(60)).until(() -> deliveriesOf(alert) == 1);

		this.publisher.publish(Topics.PROFILES, alert.alertId(), null);

		await().atMost(Duration.ofSeconds(60)).until(() -> deliveriesOf(alert) == 0);
		Emails.none(mailbox, alert.address());
	}

	@Test
	void profileArrivingAfterTheTombstoneDoesNotReviveTheAlert(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		this.publisher.publish(Topics.PROFILES, alert.alertId(), null);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.isErased(alert.alertId()));

		// published late or replayed: an older state of the alert, after its tombstone
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));

		await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.registry.find(alert.alertId())).isEmpty();
			assertThat(mailbox.messagesTo(alert.address())).isEmpty();
		});
		try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopicOf(Topics.ALERTS))) {
			assertThat(deadLetters.catchUpToEnd().values(alert.alertId())).as("a match of an erased alert is dropped")
				.isEmpty();
		}
	}

	@Test
	void remembersAnErasedAlertByItsIdAloneForLongerThanTheTopicKeepsItsTombstone() {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		this.publisher.publish(Topics.PROFILES, alert.alertId(), null);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.isErased(alert.alertId()));

		Document erased = this.mongo.findById(alert.alertId(), Document.class, "erasedAlerts");
		assertThat(erased).isNotNull();
		assertThat(erased.keySet()).contains("_id").isSubsetOf("_id", "erasedAt", "expiresAt", "_class");
		assertThat(erased.toJson()).doesNotContain(alert.address());
		Duration kept = Duration.between(erased.getDate("erasedAt").toInstant(),
				erased.getDate("expiresAt").toInstant());
		assertThat(kept).isGreaterThan(TopicDeclarations.PROFILE_TOMBSTONE_LIFETIME);
	}

	private long inboxJobsOf(Alert alert) {
		String prefix = this.suppressions.addressKey(alert.address()) + "/";
		return this.mongo.findAll(Document.class, "inboxJobs")
			.stream()
			.filter((job) -> job.getString("_id").startsWith(prefix))
			.count();
	}

	private long deliveriesOf(Alert alert) {
		return this.mongo.count(query(where("alertId").is(alert.alertId())), "deliveries");
	}

}
