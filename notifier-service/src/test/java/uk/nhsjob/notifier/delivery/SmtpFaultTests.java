package uk.nhsjob.notifier.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.notifier.suppression.Suppression;
import uk.nhsjob.notifier.suppression.Suppressions;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Fault;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Stage;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The running notifier pointed at an SMTP server that fails on request (and pointed back
 * afterwards).
 */
@NotifierIntegrationTest
class SmtpFaultTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	MovableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DeliverySettings settings;

	@Autowired
	Suppressions suppressions;

	@Autowired
	MockMvcTester mvc;

	Ledger ledger;

	FaultySmtpServer server;

	String host;

	int port;

	@BeforeEach
	void pointAtTheFaultyServer() throws IOException {
		this.ledger = new Ledger(this.mongo, this.publisher, this.registry);
		this.server = new FaultySmtpServer();
		this.host = this.mailSender.getHost();
		this.port = this.mailSender.getPort();
		this.mailSender.setHost(this.server.host());
		this.mailSender.setPort(this.server.port());
	}

	@AfterEach
	void pointBack() throws IOException {
		this.mailSender.setHost(this.host);
		this.mailSender.setPort(this.port);
		this.server.close();
	}

	@Test
	void aFourHundredIsRetriedWithGrowingBackOffWithoutHoldingUpOthers() {
		Alert busy = this.ledger.activeAlert(Frequency.INSTANT);
		Alert other = this.ledger.activeAlert(Frequency.INSTANT);
		this.server.failNext(busy.address(), Fault.BUSY, Fault.BUSY);
		double retried = count("notifier.emails.retried");

		this.publisher.publish(Topics.ALERTS, busy.alertId(), busy.matched(TestEvents.vacancy("Busy Secretary")));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(busy, DeliveryState.FAILED) == 1);
		this.publisher.publish(Topics.ALERTS, other.alertId(), other.matched(TestEvents.vacancy("Other Secretary")));

		await().atMost(Ledger.WAIT).until(() -> this.server.acceptedFor(other.address()).size() == 1);
		Delivery first = this.ledger.entriesOf(busy).get(0);
		assertThat(first.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(first.attempts()).isOne();
		assertThat(first.reason()).startsWith("SMTP 451");
		assertThat(Duration.between(first.updatedAt(), first.nextAttemptAt()).toMillis()).isCloseTo(30_000,
				within(1_000L));

		this.clock.advance(Duration.ofSeconds(31));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.entriesOf(busy).get(0).attempts() == 2);
		Delivery second = this.ledger.entriesOf(busy).get(0);
		assertThat(Duration.between(second.updatedAt(), second.nextAttemptAt()).toMillis()).isCloseTo(60_000,
				within(1_000L));

		this.clock.advance(Duration.ofSeconds(61));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(busy, DeliveryState.SENT) == 1);
		assertThat(this.server.acceptedFor(busy.address())).hasSize(1);
		assertThat(count("notifier.emails.retried")).isEqualTo(retried + 2);
	}

	@Test
	void aFiveHundredSuppressesTheAddressForGoodAndSaysWhy() {
		Alert gone = this.ledger.activeAlert(Frequency.INSTANT);
		this.server.failNext(gone.address(), Fault.NO_SUCH_USER);
		double suppressed = count("notifier.emails.suppressed");
		MatchedVacancy first = TestEvents.vacancy("First Secretary");
		MatchedVacancy later = TestEvents.vacancy("Later Secretary");

		this.publisher.publish(Topics.ALERTS, gone.alertId(), gone.matched(first));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(gone, first.vacancyId()) == DeliveryState.SUPPRESSED);
		this.publisher.publish(Topics.ALERTS, gone.alertId(), gone.matched(later));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(gone, later.vacancyId()) == DeliveryState.SUPPRESSED);

		assertThat(this.ledger.entriesOf(gone)).allSatisfy((entry) -> assertThat(entry.reason()).contains("550"));
		assertThat(this.server.recipientsTried()).containsOnlyOnce(gone.address());
		assertThat(this.server.acceptedFor(gone.address())).isEmpty();
		assertThat(count("notifier.emails.suppressed")).isEqualTo(suppressed + 2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			550 5.1.1 No such user                           | 550
			551 5.1.6 User has moved                         | 551
			553 5.1.3 Bad destination mailbox address syntax | 553
			554 5.1.2 Bad destination system address         | 554
			""")
	void aPermanentRefusalOfTheRecipientAtRcptToSuppressesTheAddressWithItsCode(String reply, int code) {
		Alert gone = this.ledger.activeAlert(Frequency.INSTANT);
		this.server.refuseNext(gone.address(), reply);
		MatchedVacancy vacancy = TestEvents.vacancy("Gone Secretary");

		this.publisher.publish(Topics.ALERTS, gone.alertId(), gone.matched(vacancy));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(gone, vacancy.vacancyId()) == DeliveryState.SUPPRESSED);

		Suppression suppression = this.suppressions.lookup(gone.address()).orElseThrow();
		assertThat(suppression.replyCode()).isEqualTo(code);
		assertThat(suppression.reason()).isEqualTo(reply);
		assertThat(suppression.addressHash()).startsWith("hmac:").doesNotContain(gone.address());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GREETING  | 554 5.3.2 No SMTP service here                 | connection
			MAIL_FROM | 530 5.7.0 Must issue a STARTTLS command first  | MAIL FROM
			          | 552 5.2.2 Mailbox full                         | RCPT TO
			DATA      | 554 5.6.0 Message refused                      | DATA
			""")
	void anyOtherFiveHundredSuppressesNobodyAndTheEmailArrivesOnceTheServerAccepts(Stage stage, String reply,
			String refusedAt) {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		if (stage != null) {
			this.server.refuseAt(stage, reply);
		}
		else {
			this.server.refuseNext(alert.address(), reply);
		}
		double refused = this.meters.counter("notifier.emails.refused", "stage", refusedAt).count();
		MatchedVacancy vacancy = TestEvents.vacancy("Kept Secretary");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.FAILED);
		Delivery entry = this.ledger.entriesOf(alert).get(0);
		assertThat(entry.reason()).startsWith("SMTP " + reply.substring(0, 3) + " at " + refusedAt);
		assertThat(Duration.between(entry.updatedAt(), entry.nextAttemptAt()).toMillis())
			.isCloseTo(this.settings.refusedRetry().initialInterval().toMillis(), within(1_000L));
		assertThat(this.suppressions.lookup(alert.address())).isEmpty();
		assertThat(this.meters.counter("notifier.emails.refused", "stage", refusedAt).count()).isEqualTo(refused + 1);

		this.server.acceptAgain();
		this.clock.advance(this.settings.refusedRetry().initialInterval().plusSeconds(1));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.SENT);
		assertThat(this.server.acceptedFor(alert.address())).hasSize(1);
	}

	@Test
	void anEmailRefusedUntilItsGiveUpTimeIsUndelivered() {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.server.refuseAt(Stage.DATA, "554 5.6.0 Message refused");
		double undelivered = count("notifier.emails.undelivered");
		MatchedVacancy vacancy = TestEvents.vacancy("Refused Secretary");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.FAILED);
		Instant firstRefused = this.ledger.entriesOf(alert).get(0).updatedAt();
		Duration giveUpAfter = this.settings.refusedRetry().giveUpAfter();

		// the last attempt is at the give-up time, however long the back-off has grown
		this.clock.advance(giveUpAfter.minusMinutes(1));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.entriesOf(alert).get(0).attempts() == 2);
		assertThat(this.ledger.entriesOf(alert).get(0).nextAttemptAt()).isCloseTo(firstRefused.plus(giveUpAfter),
				within(1, java.time.temporal.ChronoUnit.SECONDS));
		this.clock.advance(Duration.ofMinutes(2));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.UNDELIVERED);

		// nobody was suppressed: a later email goes, and the given-up one stays given up
		this.server.acceptAgain();
		MatchedVacancy later = TestEvents.vacancy("Later Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(later));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.stateOf(alert, later.vacancyId()) == DeliveryState.SENT);
		assertThat(this.server.acceptedFor(alert.address())).hasSize(1)
			.allSatisfy((mail) -> assertThat(mail.data()).doesNotContain("Refused Secretary"));
		assertThat(this.ledger.stateOf(alert, vacancy.vacancyId())).isEqualTo(DeliveryState.UNDELIVERED);
		assertThat(this.suppressions.lookup(alert.address())).isEmpty();
		assertThat(count("notifier.emails.undelivered")).isEqualTo(undelivered + 1);
	}

	@Test
	void anOperatorLooksUpASuppressionAndLiftsItWithTheAdminToken() {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		this.server.failNext(alert.address(), Fault.UNKNOWN_QUOTED);
		MatchedVacancy first = TestEvents.vacancy("First Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(first));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, first.vacancyId()) == DeliveryState.SUPPRESSED);
		String body = "{\"email\":\"" + alert.address().toUpperCase(java.util.Locale.ROOT) + "\"}";

		assertThat(admin("lookup", "not-the-admin-token", body)).hasStatus(401);
		assertThat(admin("lift", "not-the-admin-token", body)).hasStatus(401);
		assertThat(this.mvc.post()
			.uri("/api/v1/admin/suppressions/lookup")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(401);
		assertThat(admin("lookup", NotifierIntegrationTest.ADMIN_TOKEN, body)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.suppressed").isEqualTo(true);
				assertThat(json).extractingPath("$.replyCode").isEqualTo(550);
				assertThat(json).extractingPath("$.since").isNotNull();
				assertThat(json).extractingPath("$.reply")
					.asString()
					.startsWith("550 5.1.1 <<address>>: Recipient address rejected")
					.doesNotContain(alert.address());
			});

		assertThat(admin("lift", NotifierIntegrationTest.ADMIN_TOKEN, body)).hasStatus(204);
		assertThat(admin("lookup", NotifierIntegrationTest.ADMIN_TOKEN, body)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.suppressed")
			.isEqualTo(false);
		MatchedVacancy later = TestEvents.vacancy("Later Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(later));
		await().atMost(Ledger.WAIT).until(() -> this.server.acceptedFor(alert.address()).size() == 1);
	}

	@Test
	void anAdminCallWithoutAnAddressIsABadRequest() {
		assertThat(admin("lookup", NotifierIntegrationTest.ADMIN_TOKEN, "{\"email\":\"not an address\"}"))
			.hasStatus(400);
	}

	@Test
	void aSuppressionKeptUnderThePlainHashOfEarlierVersionsStillHoldsAndMovesToTheKeyedHash() {
		Alert alert = this.ledger.activeAlert(Frequency.INSTANT);
		String plainHash = sha256(alert.address());
		this.mongo.save(new org.bson.Document("_id", plainHash).append("reason", "SMTP 550: 550 5.1.1 No such user")
			.append("suppressedAt", java.util.Date.from(this.clock.instant())), "suppressedAddresses");
		MatchedVacancy vacancy = TestEvents.vacancy("Old Secretary");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.stateOf(alert, vacancy.vacancyId()) == DeliveryState.SUPPRESSED);

		assertThat(this.server.recipientsTried()).doesNotContain(alert.address());
		assertThat(this.mongo.findById(plainHash, org.bson.Document.class, "suppressedAddresses")).isNull();
		assertThat(this.suppressions.lookup(alert.address())).hasValueSatisfying(
				(found) -> assertThat(found.addressHash()).startsWith("hmac:").isNotEqualTo("hmac:" + plainHash));
		assertThat(this.suppressions.lift(alert.address())).isTrue();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult admin(String call, String token, String body) {
		return this.mvc.post()
			.uri("/api/v1/admin/suppressions/" + call)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String sha256(String address) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(address.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aBurstGoesOutOnAFewConnectionsNotOneAMessage() {
		List<Alert> alerts = IntStream.range(0, 12).mapToObj((n) -> this.ledger.activeAlert(Frequency.DAILY)).toList();
		for (Alert alert : alerts) {
			this.publisher.publish(Topics.ALERTS, alert.alertId(),
					alert.matched(TestEvents.vacancy("Burst Secretary")));
		}
		await().atMost(Ledger.WAIT)
			.until(() -> alerts.stream().allMatch((alert) -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1));

		// past the next 07:00: every digest due at once
		this.clock.advance(Duration.ofHours(25));
		await().atMost(Ledger.WAIT)
			.until(() -> alerts.stream().allMatch((alert) -> this.server.acceptedFor(alert.address()).size() == 1));
		assertThat(this.server.connections()).isLessThanOrEqualTo(this.settings.connections());
	}

	@Test
	void aConfirmationAndANoticeAskedWhileSmtpAnswers421AreSentOnceItIsBackNotDeadLettered() {
		double deadLettered = this.meters.counter("notifier.dead.letters", "topic", "nhsjob.profiles.v1.dlt").count();
		this.server.setUnavailable(true);
		Alert alert = Alert.unique();
		AddressNotice notice = Notices.manageLink();

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1));
		this.publisher.publish(Topics.NOTICES, Notices.keyOf(notice), notice);
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.FAILED) == 1 && attemptsOf(notice) == 1);
		// still refused at the next attempt
		this.clock.advance(Duration.ofSeconds(31));
		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.entriesOf(alert).get(0).attempts() == 2 && attemptsOf(notice) == 2);
		assertThat(this.server.accepted()).isEmpty();

		this.server.setUnavailable(false);
		this.clock.advance(Duration.ofSeconds(61));

		await().atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.SENT) == 1 && stateOf(notice) == DeliveryState.SENT);
		await().during(Emails.HOLD)
			.atMost(Ledger.WAIT)
			.until(() -> this.server.acceptedFor(alert.address()).size() == 1
					&& this.server.acceptedFor(notice.email()).size() == 1);
		assertThat(this.server.acceptedFor(alert.address()).get(0).data()).contains(alert.confirmUrl(1));
		assertThat(this.meters.counter("notifier.dead.letters", "topic", "nhsjob.profiles.v1.dlt").count())
			.isEqualTo(deadLettered);
	}

	@Test
	void aConfirmationStillWaitingForSmtpWhenItsAlertIsConfirmedIsNotSent() {
		this.server.setUnavailable(true);
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.FAILED) == 1);

		// confirmed through the link of an earlier email, say
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.ACTIVE, 1));
		await().atMost(Ledger.WAIT)
			.until(() -> this.registry.find(alert.alertId()).map(Recipient::isActive).orElse(false));
		this.server.setUnavailable(false);
		this.clock.advance(Duration.ofSeconds(31));

		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.SKIPPED) == 1);
		assertThat(this.ledger.entriesOf(alert).get(0).reason()).isEqualTo("alert ACTIVE");
		assertThat(this.server.acceptedFor(alert.address())).isEmpty();
	}

	@Test
	void aNoticeToASuppressedAddressIsNotSent() {
		AddressNotice first = Notices.manageLink();
		AddressNotice second = Notices.of(NoticeKind.ALERT_LIMIT_REACHED);
		AddressNotice later = new AddressNotice(second.eventId(), second.schemaVersion(), second.occurredAt(),
				first.email(), second.kind(), second.url());
		this.server.failNext(first.email(), Fault.NO_SUCH_USER);

		this.publisher.publish(Topics.NOTICES, Notices.keyOf(first), first);
		await().atMost(Ledger.WAIT).until(() -> stateOf(first) == DeliveryState.SUPPRESSED);
		this.publisher.publish(Topics.NOTICES, Notices.keyOf(later), later);
		await().atMost(Ledger.WAIT).until(() -> stateOf(later) == DeliveryState.SUPPRESSED);

		assertThat(this.server.recipientsTried()).containsOnlyOnce(first.email());
		assertThat(this.server.acceptedFor(first.email())).isEmpty();
	}

	private int attemptsOf(AddressNotice notice) {
		Delivery entry = this.mongo.findById("notice/" + notice.eventId(), Delivery.class);
		return (entry != null) ? entry.attempts() : 0;
	}

	private @Nullable DeliveryState stateOf(AddressNotice notice) {
		Delivery entry = this.mongo.findById("notice/" + notice.eventId(), Delivery.class);
		return (entry != null) ? entry.state() : null;
	}

	private double count(String name) {
		return this.meters.counter(name).count();
	}

}
