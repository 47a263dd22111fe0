package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.MovableClock;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.digest.DigestSchedule;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotifierIntegrationTest
class DigestTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClosedVacancies closedVacancies;

	@Autowired
	MovableClock clock;

	Ledger ledger;

	@BeforeEach
	void ledger() {
		this.ledger = new Ledger(this.mongo, this.publisher, this.registry);
	}

	@Test
	void dailyDigestGoesAtSevenWithoutTheVacanciesClosedByThen(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.DAILY);
		LocalDate today = LocalDate.now(this.clock);
		MatchedVacancy older = TestEvents.vacancy("Older Medical Secretary", today.minusDays(2), today.plusDays(30));
		MatchedVacancy newer = TestEvents.vacancy("Newer Medical Secretary", today, today.plusDays(30));
		MatchedVacancy closesToday = TestEvents.vacancy("Closes Today", today, today);
		MatchedVacancy closedLater = TestEvents.vacancy("Withdrawn Later", today, today.plusDays(30));
		for (MatchedVacancy vacancy : new MatchedVacancy[] { older, newer, closesToday, closedLater }) {
			this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		}
		this.publisher.publish(Topics.VACANCIES, closedLater.vacancyId(), TestEvents.closed(closedLater.vacancyId()));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 4
					&& this.closedVacancies.contains(closedLater.vacancyId()));
		Delivery entry = this.ledger.entriesOf(alert).get(0);
		Instant run = entry.dueAt();
		assertThat(run).isEqualTo(DigestSchedule.nextRun(Frequency.DAILY, entry.recordedAt()));
		assertThat(mailbox.messagesTo(alert.address())).isEmpty();

		this.clock.advanceTo(run.plusSeconds(1));

		MimeMessage digest = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.subject(digest)).isEqualTo("2 new medical secretary jobs within 10 miles of LS6");
		String text = MailContent.plainText(digest);
		assertThat(text).contains("Older Medical Secretary", "Newer Medical Secretary")
			.doesNotContain("Closes Today", "Withdrawn Later");
		assertThat(text.indexOf("Newer")).isLessThan(text.indexOf("Older"));
		await().atMost(Ledger.WAIT).untilAsserted(() -> {
			assertThat(this.ledger.stateOf(alert, closesToday.vacancyId())).isEqualTo(DeliveryState.SKIPPED);
			assertThat(this.ledger.stateOf(alert, closedLater.vacancyId())).isEqualTo(DeliveryState.SKIPPED);
			assertThat(this.ledger.stateOf(alert, older.vacancyId())).isEqualTo(DeliveryState.SENT);
		});
	}

	@Test
	void weeklyDigestWaitsForMonday(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.WEEKLY);
		MatchedVacancy vacancy = TestEvents.vacancy("Weekly Medical Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		Instant run = this.ledger.entriesOf(alert).get(0).dueAt();
		assertThat(run.atZone(DigestSchedule.LONDON).getDayOfWeek()).hasToString("MONDAY");
		assertThat(run.atZone(DigestSchedule.LONDON).toLocalTime()).isEqualTo(DigestSchedule.RUN_AT);

		this.clock.advanceTo(run.minusSeconds(60));
		await().during(Duration.ofSeconds(1))
			.atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		this.clock.advanceTo(run.plusSeconds(1));

		assertThat(MailContent.plainText(mailbox.awaitMessageTo(alert.address()))).contains("Weekly Medical Secretary");
	}

	@Test
	void anEmptyDigestIsNotSent(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.DAILY);
		MatchedVacancy vacancy = TestEvents.vacancy("Withdrawn Before Seven");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		this.publisher.publish(Topics.VACANCIES, vacancy.vacancyId(), TestEvents.closed(vacancy.vacancyId()));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1
					&& this.closedVacancies.contains(vacancy.vacancyId()));

		this.clock.advanceTo(this.ledger.entriesOf(alert).get(0).dueAt().plusSeconds(1));

		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.SKIPPED);
		await().during(Duration.ofSeconds(2))
			.atMost(Ledger.WAIT)
			.until(() -> mailbox.messagesTo(alert.address()).isEmpty());
	}

}
