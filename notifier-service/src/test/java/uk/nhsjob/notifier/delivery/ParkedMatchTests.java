package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A match for an alert whose profile the notifier has not read is parked in the ledger,
 * and decided once the profile arrives (docs/emails.md, "Parked matches").
 */
@NotifierIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ParkedMatchTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DeliveryLedger deliveryLedger;

	@Autowired
	ParkedMatches parkedMatches;

	@Autowired
	MeterRegistry meters;

	private Ledger ledger() {
		return new Ledger(this.mongo, this.publisher, this.registry);
	}

	@Test
	void aMatchForAnAlertNotHeardOfHoldsUpNothingBehindItAndIsSentOnceWhenItsProfileArrives(Mailbox mailbox) {
		Alert unknown = Alert.unique();
		Alert known = activeAlertOnThePartitionOf(unknown);
		MatchedVacancy early = TestEvents.vacancy("Medical Secretary");
		VacancyMatched parked = unknown.matched(early);
		this.publisher.publish(Topics.ALERTS, unknown.alertId(), parked);
		// the same record again, as a redelivery brings it
		this.publisher.publish(Topics.ALERTS, unknown.alertId(), parked);
		this.publisher.publish(Topics.ALERTS, known.alertId(), known.matched(TestEvents.vacancy("Team Leader")));

		mailbox.awaitMessageTo(known.address());
		await().atMost(Ledger.WAIT).until(() -> ledger().stateOf(unknown, early.vacancyId()) == DeliveryState.PARKED);
		assertThat(mailbox.messagesTo(unknown.address())).isEmpty();
		this.parkedMatches.sweep();
		assertThat(this.meters.get("notifier.matches.parked").gauge().value()).isPositive();

		this.publisher.publish(Topics.PROFILES, unknown.alertId(), unknown.profile(1, AlertStatus.ACTIVE, 1));

		assertThat(MailContent.subject(mailbox.awaitMessageTo(unknown.address())))
			.isEqualTo("1 new job: medical secretary within 10 miles of LS6");
		assertThat(Emails.exactly(mailbox, unknown.address(), 1)).hasSize(1);
		assertThat(ledger().stateOf(unknown, early.vacancyId())).isEqualTo(DeliveryState.SENT);
	}

	@Test
	void aMatchAheadOfItsAlertsActivationWaitsThroughAnOlderPendingProfile(Mailbox mailbox) {
		Alert alert = Alert.unique();
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary");
		this.publisher.publish(Topics.PROFILES, alert.alertId(),
				publishedEarlier(alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1), Duration.ofMinutes(1)));
		await().atMost(Ledger.WAIT).until(() -> this.registry.find(alert.alertId()).isPresent());

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT).until(() -> ledger().stateOf(alert, vacancy.vacancyId()) == DeliveryState.PARKED);

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.ACTIVE, 1));
		mailbox.awaitMessageTo(alert.address(), (email) -> MailContent.subject(email).startsWith("1 new"));
	}

	@Test
	void aParkedMatchWhoseAlertArrivesPausedIsNeverSent(Mailbox mailbox) {
		Alert alert = Alert.unique();
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(),
				new VacancyMatched(UUID.randomUUID(), VacancyMatched.SCHEMA_VERSION, TestEvents.now().minusSeconds(60),
						alert.alertId(), VacancyMatched.matchIdOf(alert.alertId(), vacancy.vacancyId()), vacancy));
		await().atMost(Ledger.WAIT).until(() -> ledger().stateOf(alert, vacancy.vacancyId()) == DeliveryState.PARKED);

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.PAUSED, 1));

		await().atMost(Ledger.WAIT).until(() -> ledger().stateOf(alert, vacancy.vacancyId()) == DeliveryState.SKIPPED);
		Emails.none(mailbox, alert.address());
	}

	@Test
	void aParkedWelcomeIsSentWholeWhenItsAlertArrives(Mailbox mailbox) {
		Alert alert = Alert.unique();
		WelcomeSetMatched welcome = alert.welcome(7, TestEvents.vacancy("Medical Secretary - Cardiology"),
				TestEvents.vacancy("Medical Secretary - Oncology"));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), welcome);
		await().atMost(Ledger.WAIT).until(() -> ledger().countIn(alert, DeliveryState.PARKED) == 3);

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, Frequency.DAILY));

		String sent = MailContent.plainText(mailbox.awaitMessageTo(alert.address()));
		assertThat(sent).contains("Cardiology", "Oncology", "And 5 more");
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
	}

	@Test
	void theSweepReleasesAMatchParkedJustAfterItsProfileWasHandled(Mailbox mailbox) {
		Alert alert = ledger().activeAlert(Frequency.INSTANT);
		// as the alert listener writes it when the profile listener released nothing
		// between its look-up and its write
		this.deliveryLedger.park(alert.alertId(), TestEvents.vacancy("Medical Secretary"),
				TestEvents.now().minusSeconds(1));

		this.parkedMatches.sweep();

		mailbox.awaitMessageTo(alert.address());
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
	}

	@Test
	void theSweepDropsAMatchParkedJustAfterItsAlertWasErased(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), null);
		await().atMost(Ledger.WAIT).until(() -> this.registry.isErased(alert.alertId()));
		// as the alert listener writes it when the tombstone was applied between its
		// look-up and its write
		this.deliveryLedger.park(alert.alertId(), TestEvents.vacancy("Medical Secretary"), TestEvents.now());

		this.parkedMatches.sweep();

		assertThat(ledger().entriesOf(alert)).isEmpty();
		Emails.none(mailbox, alert.address());
	}

	@Test
	void aMatchParkedLongerThanTheSettingIsRemovedWithALogLineByAlertId(CapturedOutput output) {
		Alert alert = Alert.unique();
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary");
		String id = this.deliveryLedger.park(alert.alertId(), vacancy, TestEvents.now());
		this.parkedMatches.sweep();
		assertThat(ledger().stateOf(alert, vacancy.vacancyId())).isEqualTo(DeliveryState.PARKED);

		this.mongo.updateFirst(query(where("_id").is(id)),
				Update.update("recordedAt", TestEvents.now().minus(Duration.ofDays(7)).minusSeconds(1)),
				Delivery.class);
		this.parkedMatches.sweep();

		assertThat(ledger().entriesOf(alert)).isEmpty();
		assertThat(output).contains("Removed 1 match(es) of alert " + alert.alertId() + " parked for more than")
			.doesNotContain(alert.address());
	}

	private static AlertProfileChanged publishedEarlier(AlertProfileChanged profile, Duration by) {
		return new AlertProfileChanged(profile.eventId(), profile.schemaVersion(), profile.occurredAt().minus(by),
				profile.alertId(), profile.revision(), profile.email(), profile.status(), profile.frequency(),
				profile.criteriaDescription(), profile.confirmationRequest(), profile.confirmUrl(), profile.manageUrl(),
				profile.unsubscribeUrl(), profile.criteria(), profile.closingSoon(), profile.matchingSince(),
				profile.notMeUrl());
	}

	/**
	 * An active alert whose records share the other alert's partition of the alerts
	 * topic.
	 */
	private Alert activeAlertOnThePartitionOf(Alert other) {
		int partition = this.publisher.partitionOf(Topics.ALERTS, other.alertId());
		Alert alert = Alert.unique();
		while (this.publisher.partitionOf(Topics.ALERTS, alert.alertId()) != partition) {
			alert = Alert.unique();
		}
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		Alert found = alert;
		await().atMost(Ledger.WAIT)
			.until(() -> this.registry.find(found.alertId()).map((r) -> r.isActive()).orElse(false));
		return alert;
	}

}
