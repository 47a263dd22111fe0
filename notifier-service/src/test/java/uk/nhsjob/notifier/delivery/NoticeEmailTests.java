package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notices topic read as the matcher writes it: each notice one email through the
 * ledger, about an address that no alert of the notifier needs to have; a record that
 * could never be sent dead-lettered.
 */
@NotifierIntegrationTest
class NoticeEmailTests {

	private static final String DEAD_LETTERS = "notifier.dead.letters";

	@Autowired
	EventPublisher publisher;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Test
	void aManageLinkNoticeIsOneEmailWithTheLinkAndNoAlertBehindIt(Mailbox mailbox) throws Exception {
		AddressNotice notice = Notices.manageLink();

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);

		MimeMessage email = mailbox.awaitMessageTo(notice.email());
		assertThat(email.getSubject()).isEqualTo("Your job alerts");
		assertThat(MailContent.plainText(email)).contains("See your job alerts: " + notice.url());
		assertThat(MailContent.html(email)).contains("href=\"" + notice.url() + "\"");
		assertThat(email.getHeader("List-Id")).containsExactly("NHSJob Alerts <alerts.nhsjob.localhost>");
		assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(email.getHeader("List-Unsubscribe")).isNull();
		Delivery entry = await().until(() -> this.mongo.findById("notice/" + notice.eventId(), Delivery.class),
				(found) -> found != null && found.state() == DeliveryState.SENT);
		assertThat(entry.alertId()).isNull();
		Document stored = this.mongo.findById("notice/" + notice.eventId(), Document.class, "deliveries");
		assertThat(stored.toJson()).as("a sent notice keeps neither its address nor its link")
			.doesNotContain(notice.email())
			.doesNotContain(notice.url());
		assertThat(entry.expiresAt()).isEqualTo(entry.recordedAt().plus(Duration.ofDays(7)));
		assertThat(this.mongo.indexOps(Delivery.class).getIndexInfo()).filteredOn(this::isOnExpiresAt)
			.singleElement()
			.satisfies((index) -> assertThat(index.getExpireAfter()).contains(Duration.ZERO));
	}

	@Test
	void anAlertLimitNoticeSaysNothingWasSetUpAndLinksToTheAlerts(Mailbox mailbox) {
		AddressNotice notice = Notices.of(NoticeKind.ALERT_LIMIT_REACHED);

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);

		MimeMessage email = mailbox.awaitMessageTo(notice.email());
		assertThat(MailContent.subject(email)).isEqualTo("Your new job alert was not set up");
		// the plain text is wrapped: its words are read across lines
		assertThat(MailContent.plainText(email).replaceAll("\\s+", " ")).contains("already has as many job alerts",
				"Manage your job alerts: " + notice.url());
		assertThat(MailContent.html(email)).contains("href=\"" + notice.url() + "\"");
	}

	@Test
	void theSameNoticeTwiceIsOneEmail(Mailbox mailbox) {
		AddressNotice notice = Notices.manageLink();

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);
		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);

		assertThat(Emails.exactly(mailbox, notice.email(), 1)).hasSize(1);
	}

	@Test
	void aNoticeThatCouldNeverBeSentIsDeadLetteredAndHoldsUpNothing(Mailbox mailbox) {
		double deadLettered = deadLetters();
		AddressNotice displayName = withEmail(Notices.manageLink(), "Sam <sam-" + UUID.randomUUID() + "@example.org>");
		String second = "second-" + UUID.randomUUID() + "@example.org";
		AddressNotice twoAddresses = withEmail(Notices.manageLink(),
				"first-" + UUID.randomUUID() + "@example.org," + second);
		AddressNotice plainHttp = withUrl(Notices.manageLink(), "http://alerts.nhsjob.test/alerts/mine?token=t");
		AddressNotice relative = withUrl(Notices.manageLink(), "/alerts/mine?token=t");
		AddressNotice script = withUrl(Notices.manageLink(), "javascript:alert(1)");
		Map<String, Object> unknownKind = new LinkedHashMap<>();
		unknownKind.put("eventId", UUID.randomUUID());
		unknownKind.put("schemaVersion", 1);
		unknownKind.put("occurredAt", TestEvents.now());
		unknownKind.put("email", "unknown-" + UUID.randomUUID() + "@example.org");
		unknownKind.put("kind", "PASSWORD_RESET");
		unknownKind.put("url", "https://alerts.nhsjob.test/alerts/mine?token=t");
		AddressNotice valid = Notices.manageLink();

		for (AddressNotice invalid : new AddressNotice[] { displayName, twoAddresses, plainHttp, relative, script }) {
			this.publisher.publish(Topics.NOTICES, Notices.keyOf(invalid), invalid);
		}
		this.publisher.publish(Topics.NOTICES, "hash-of-unknown", unknownKind);
		this.publisher.publish(Topics.NOTICES, "hash-of-nothing", null);
		this.publisher.publish(Topics.NOTICES, Notices.keyOf(valid), valid);

		await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters() == deadLettered + 7);
		mailbox.awaitMessageTo(valid.email());
		assertThat(mailbox.messagesTo(plainHttp.email())).isEmpty();
		assertThat(mailbox.messagesTo(String.valueOf(unknownKind.get("email")))).isEmpty();
		assertThat(mailbox.messagesTo(second)).isEmpty();
		assertThat(this.mongo.findById("notice/" + plainHttp.eventId(), Delivery.class)).isNull();
	}

	private double deadLetters() {
		return this.meters.counter(DEAD_LETTERS, "topic", Topics.deadLetterTopicOf(Topics.NOTICES)).count();
	}

	private boolean isOnExpiresAt(IndexInfo index) {
		return index.getIndexFields().stream().anyMatch((field) -> field.getKey().equals("expiresAt"));
	}

	private static AddressNotice withEmail(AddressNotice notice, String email) {
		return new AddressNotice(notice.eventId(), notice.schemaVersion(), notice.occurredAt(), email, notice.kind(),
				notice.url());
	}

	private static AddressNotice withUrl(AddressNotice notice, String url) {
		return new AddressNotice(notice.eventId(), notice.schemaVersion(), notice.occurredAt(), notice.email(),
				notice.kind(), url);
	}

}
