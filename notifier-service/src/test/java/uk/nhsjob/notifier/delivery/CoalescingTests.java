package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.delivery.TestCoalescing.AdjustableCoalescingRule;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instant matches recorded within one coalescing window share an email. The tests open a
 * 30-second window on the shared notifier's rule ({@link TestCoalescing}) and close it
 * after.
 */
@NotifierIntegrationTest
class CoalescingTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AdjustableCoalescingRule coalescing;

	@Autowired
	MovableClock clock;

	Ledger ledger;

	@BeforeEach
	void window() {
		this.ledger = new Ledger(this.mongo, this.publisher, this.registry);
		this.coalescing.coalesceWithin(Duration.ofSeconds(30));
	}

	@AfterEach
	void noWindow() {
		this.coalescing.reset();
	}

	@Test
	void matchesWithinTheWindowShareOneEmailOfTheTwentyNewestAndCountTheRest(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		List<MatchedVacancy> vacancies = IntStream.rangeClosed(1, 23)
			.mapToObj((n) -> TestEvents.vacancy("Vacancy " + n, this.clock.today().minusDays(30 - n),
					this.clock.today().plusDays(30)))
			.toList();
		vacancies.forEach((vacancy) -> this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy)));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 23);
		assertThat(Emails.exactly(mailbox, alert.address(), 0)).isEmpty();

		this.clock.advance(Duration.ofSeconds(31));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.subject(email)).isEqualTo("23 new jobs: medical secretary within 10 miles of LS6");
		String text = MailContent.plainText(email);
		List<String> lines = text.lines().map(String::strip).toList();
		assertThat(lines).contains("Vacancy 23", "Vacancy 4").doesNotContain("Vacancy 3", "Vacancy 1");
		assertThat(lines.indexOf("Vacancy 23")).isLessThan(lines.indexOf("Vacancy 22"));
		assertThat(text).contains("And 3 more");
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.SENT) == 23);
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
	}

	/**
	 * The instant matches of an address's two alerts within one window share one email of
	 * at most twenty vacancies in all, newest first, which says how many more; every
	 * entry of both alerts is SENT with it, and its one-click link ends both.
	 */
	@Test
	void twoAlertsOfAnAddressShareOneEmailOfTheTwentyNewestInAll(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		Alert another = this.ledger.anotherAlertOf(alert.address(), Frequency.INSTANT);
		List<MatchedVacancy> vacancies = IntStream.rangeClosed(1, 24)
			.mapToObj((n) -> TestEvents.vacancy("Shared Window " + n, this.clock.today().minusDays(30 - n),
					this.clock.today().plusDays(30)))
			.toList();
		for (int n = 0; n < vacancies.size(); n++) {
			Alert to = (n % 2 == 0) ? alert : another;
			this.publisher.publish(Topics.ALERTS, to.alertId(), to.matched(vacancies.get(n)));
		}
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING)
					+ this.ledger.countIn(another, DeliveryState.PENDING) == 24);

		this.clock.advance(Duration.ofSeconds(31));

		MimeMessage email = Emails.exactly(mailbox, alert.address(), 1).get(0);
		assertThat(MailContent.subject(email)).isEqualTo("24 new jobs for your 2 job alerts");
		// the twenty newest of the whole email, whichever alert's: 5 to 24
		List<String> lines = MailContent.plainText(email).lines().map(String::strip).toList();
		assertThat(lines).contains("Shared Window 24", "Shared Window 23", "Shared Window 6", "Shared Window 5")
			.doesNotContain("Shared Window 4", "Shared Window 3", "Shared Window 2", "Shared Window 1");
		assertThat(MailContent.plainText(email)).contains("And 2 more");
		// one token per alert, in the order of their first entries, which two partitions
		// may deliver either way
		String unsubscribe = MailContent.header(email, "List-Unsubscribe");
		assertThat(unsubscribe.split("[?&]token=")).hasSize(3);
		assertThat(unsubscribe).contains("token=unsubscribe-" + alert.alertId(),
				"token=unsubscribe-" + another.alertId());
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.SENT)
					+ this.ledger.countIn(another, DeliveryState.SENT) == 24);
	}

	/**
	 * One email per person: a job the address had under one alert is not sent again under
	 * another of its alerts whose match of it comes later; that match counts as sent.
	 */
	@Test
	void aJobTheAddressHadUnderOneAlertIsNotSentAgainUnderAnother(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		Alert another = this.ledger.anotherAlertOf(alert.address(), Frequency.INSTANT);
		MatchedVacancy shared = TestEvents.vacancy("Matched By Both");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(shared));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		this.clock.advance(Duration.ofSeconds(31));
		mailbox.awaitMessageTo(alert.address());

		this.publisher.publish(Topics.ALERTS, another.alertId(), another.matched(shared));
		this.publisher.publish(Topics.ALERTS, another.alertId(), another.matched(TestEvents.vacancy("Only Another")));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(another, DeliveryState.PENDING) == 2);
		this.clock.advance(Duration.ofSeconds(31));

		MimeMessage second = mailbox.awaitMessageTo(alert.address(),
				(email) -> MailContent.plainText(email).contains("Only Another"));
		assertThat(MailContent.plainText(second)).doesNotContain("Matched By Both");
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(another, DeliveryState.SENT) == 2);
		assertThat(Emails.exactly(mailbox, alert.address(), 2)).hasSize(2);
	}

	@Test
	void aMatchAfterTheEmailWaitsForTheNextWindow(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("First")));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		this.clock.advance(Duration.ofSeconds(31));
		mailbox.awaitMessageTo(alert.address());

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Second")));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(31));

		MimeMessage second = mailbox.awaitMessageTo(alert.address(),
				(email) -> MailContent.plainText(email).contains("Second"));
		assertThat(MailContent.plainText(second)).doesNotContain("First");
	}

}
