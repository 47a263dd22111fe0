package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.delivery.ScriptedFaults.Step;
import uk.nhsjob.notifier.delivery.TestCoalescing.AdjustableCoalescingRule;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery interrupted at each step as a crash would interrupt it: nothing is lost,
 * and nothing is doubled except after the server's 250 and before the ledger write (the
 * window RFC 1047 describes), where the duplicate carries the same Message-ID. Vacancy
 * emails, welcomes, confirmation requests and notices alike.
 */
@NotifierIntegrationTest
class DeliveryFaultTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ScriptedFaults faults;

	@Autowired
	DeliverySettings settings;

	@Autowired
	MovableClock clock;

	@Autowired
	AdjustableCoalescingRule coalescing;

	Ledger ledger;

	@BeforeEach
	void ledger() {
		this.ledger = new Ledger(this.mongo, this.publisher, this.registry);
	}

	@AfterEach
	void disarm() {
		this.faults.disarm();
	}

	@Test
	void crashAfterTheLedgerWriteBeforeTheOffsetCommitSendsOnce(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary");
		this.faults.crashOnce(Step.AFTER_RECORDED, (id) -> id.startsWith(alert.alertId()));

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));

		mailbox.awaitMessageTo(alert.address());
		settlesWith(mailbox, alert, 1);
		assertThat(this.ledger.entriesOf(alert)).singleElement()
			.extracting(Delivery::state)
			.isEqualTo(DeliveryState.SENT);
	}

	@Test
	void crashBeforeSmtpDataSendsOnceAfterTheSendingTimeout(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.faults.crashOnce(Step.BEFORE_DATA, (key) -> key.startsWith(alert.alertId()));

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.SENDING) == 1);
		assertThat(mailbox.messagesTo(alert.address())).isEmpty();

		this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

		mailbox.awaitMessageTo(alert.address());
		settlesWith(mailbox, alert, 1);
	}

	@Test
	void crashAfterTheServersAcceptanceResendsUnderTheSameMessageId(Mailbox mailbox) throws MessagingException {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.faults.crashOnce(Step.AFTER_ACCEPTED, (key) -> key.startsWith(alert.alertId()));

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));
		mailbox.awaitMessageTo(alert.address());
		assertThat(this.ledger.countIn(alert, DeliveryState.SENDING)).isOne();

		this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

		List<MimeMessage> emails = settlesWith(mailbox, alert, 2);
		assertThat(emails.get(0).getMessageID()).isNotNull().isEqualTo(emails.get(1).getMessageID());
	}

	/**
	 * An email of two alerts of one address that a crash left SENDING after the server's
	 * acceptance goes again under the same Message-ID, listing the same vacancies once
	 * each; every (alert, vacancy) ends SENT.
	 */
	@Test
	void anEmailOfSeveralAlertsCrashedAfterAcceptanceIsResentWholeUnderTheSameMessageId(Mailbox mailbox)
			throws MessagingException {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		Alert another = this.ledger.anotherAlertOf(alert.address(), Frequency.INSTANT);
		MatchedVacancy shared = TestEvents.vacancy("Shared Secretary");
		MatchedVacancy own = TestEvents.vacancy("Own Secretary");
		this.coalescing.coalesceWithin(Duration.ofSeconds(30));
		try {
			this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(shared));
			this.publisher.publish(Topics.ALERTS, another.alertId(), another.matched(shared));
			this.publisher.publish(Topics.ALERTS, another.alertId(), another.matched(own));
			await().atMost(Ledger.WAIT)
				.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING)
						+ this.ledger.countIn(another, DeliveryState.PENDING) == 3);
			this.faults.crashOnce(Step.AFTER_ACCEPTED,
					(key) -> key.startsWith(alert.alertId()) || key.startsWith(another.alertId()));
			this.clock.advance(Duration.ofSeconds(31));
			mailbox.awaitMessageTo(alert.address());
			this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

			List<MimeMessage> emails = settlesWith(mailbox, another, 2);
			settlesWith(mailbox, alert, 2);
			assertThat(emails.get(0).getMessageID()).isNotNull().isEqualTo(emails.get(1).getMessageID());
			for (MimeMessage email : emails) {
				String text = MailContent.plainText(email);
				assertThat(text.split("Shared Secretary", -1)).hasSize(2);
				assertThat(text.split("Own Secretary", -1)).hasSize(2);
			}
			assertThat(MailContent.plainText(emails.get(1))).isEqualTo(MailContent.plainText(emails.get(0)));
		}
		finally {
			this.coalescing.reset();
		}
	}

	@Test
	void crashInTheMiddleOfADigestLosesNoneAndDoublesOnlyTheEmailInTheWindow(Mailbox mailbox)
			throws MessagingException {
		List<Alert> alerts = Stream.generate(() -> this.ledger.activeAlert(Frequency.DAILY)).limit(3).toList();
		Set<String> ids = Set.copyOf(alerts.stream().map(Alert::alertId).toList());
		for (Alert alert : alerts) {
			this.publisher.publish(Topics.ALERTS, alert.alertId(),
					alert.matched(TestEvents.vacancy("Digest Secretary")));
		}
		await().atMost(Ledger.WAIT)
			.until(() -> alerts.stream().allMatch((alert) -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1));
		AtomicInteger accepted = new AtomicInteger();
		this.faults.crashOnce(Step.AFTER_ACCEPTED,
				(key) -> ids.contains(key.substring(0, key.indexOf('/'))) && accepted.incrementAndGet() == 2);

		this.clock.advanceTo(this.ledger.entriesOf(alerts.get(0)).get(0).dueAt().plusSeconds(1));
		await().atMost(Ledger.WAIT).until(() -> accepted.get() >= 2);
		this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

		int doubled = 0;
		for (Alert alert : alerts) {
			List<MimeMessage> emails = await().atMost(Ledger.WAIT)
				.until(() -> (this.ledger.countIn(alert, DeliveryState.SENT) == 1) ? mailbox.messagesTo(alert.address())
						: null, (found) -> found != null && !found.isEmpty());
			assertThat(emails).hasSizeBetween(1, 2);
			if (emails.size() == 2) {
				doubled++;
				assertThat(emails.get(0).getMessageID()).isEqualTo(emails.get(1).getMessageID());
			}
		}
		assertThat(doubled).isOne();
	}

	@Test
	void welcomeCrashedAfterTheServersAcceptanceIsResentUnderTheSameMessageId(Mailbox mailbox)
			throws MessagingException {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.faults.crashOnce(Step.AFTER_ACCEPTED, (key) -> key.equals(alert.alertId() + "/welcome"));

		this.publisher.publish(Topics.ALERTS, alert.alertId(),
				alert.welcome(2, TestEvents.vacancy("Welcome Secretary"), TestEvents.vacancy("Welcome Receptionist")));
		mailbox.awaitMessageTo(alert.address());
		assertThat(this.ledger.countIn(alert, DeliveryState.SENDING)).isEqualTo(3);

		this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

		List<MimeMessage> emails = settlesWith(mailbox, alert, 2);
		assertThat(emails.get(0).getMessageID()).isNotNull().isEqualTo(emails.get(1).getMessageID());
	}

	@Test
	void welcomeCrashedAfterItsLedgerWriteBeforeTheOffsetCommitIsSentOnce(Mailbox mailbox) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.faults.crashOnce(Step.AFTER_RECORDED, (id) -> id.equals(alert.alertId() + "/welcome"));

		this.publisher.publish(Topics.ALERTS, alert.alertId(),
				alert.welcome(1, TestEvents.vacancy("Welcome Secretary")));

		mailbox.awaitMessageTo(alert.address());
		settlesWith(mailbox, alert, 1);
		assertThat(this.ledger.entriesOf(alert)).hasSize(2);
	}

	@Test
	void confirmationRecordedAgainAfterACrashBeforeTheOffsetCommitIsSentOnce(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.faults.crashOnce(Step.AFTER_RECORDED, (id) -> id.equals(alert.alertId() + "/confirmation/1"));

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1));

		mailbox.awaitMessageTo(alert.address());
		settlesWith(mailbox, alert, 1);
		assertThat(this.ledger.entriesOf(alert)).singleElement()
			.extracting(Delivery::id)
			.isEqualTo(alert.alertId() + "/confirmation/1");
	}

	@Test
	void noticeRecordedAgainAfterACrashBeforeTheOffsetCommitIsSentOnce(Mailbox mailbox) {
		AddressNotice notice = Notices.manageLink();
		this.faults.crashOnce(Step.AFTER_RECORDED, (id) -> id.equals("notice/" + notice.eventId()));

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);

		mailbox.awaitMessageTo(notice.email());
		await().atMost(Ledger.WAIT).until(() -> noticeState(notice) == DeliveryState.SENT);
		assertThat(Emails.exactly(mailbox, notice.email(), 1)).hasSize(1);
	}

	@Test
	void noticeCrashedAfterTheServersAcceptanceIsResentUnderTheSameMessageId(Mailbox mailbox)
			throws MessagingException {
		AddressNotice notice = Notices.manageLink();
		this.faults.crashOnce(Step.AFTER_ACCEPTED, (key) -> key.equals("notice/" + notice.eventId()));

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);
		mailbox.awaitMessageTo(notice.email());
		assertThat(noticeState(notice)).isEqualTo(DeliveryState.SENDING);

		this.clock.advance(this.settings.sendingTimeout().plusSeconds(1));

		await().atMost(Ledger.WAIT).until(() -> noticeState(notice) == DeliveryState.SENT);
		List<MimeMessage> emails = Emails.exactly(mailbox, notice.email(), 2);
		assertThat(emails.get(0).getMessageID()).isNotNull().isEqualTo(emails.get(1).getMessageID());
	}

	private @Nullable DeliveryState noticeState(AddressNotice notice) {
		Delivery entry = this.mongo.findById("notice/" + notice.eventId(), Delivery.class);
		return (entry != null) ? entry.state() : null;
	}

	/** Waits until the alert's entries are all SENT, then for its emails to number so. */
	private List<MimeMessage> settlesWith(Mailbox mailbox, Alert alert, int emails) {
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.entriesOf(alert)
				.stream()
				.allMatch((entry) -> entry.state() == DeliveryState.SENT));
		return await().during(Duration.ofSeconds(1))
			.atMost(Ledger.WAIT)
			.until(() -> mailbox.messagesTo(alert.address()), (found) -> found.size() == emails);
	}

}
