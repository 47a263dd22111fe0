package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.delivery.TestCoalescing.AdjustableCoalescingRule;
import uk.nhsjob.notifier.digest.DigestSchedule;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.SkipTestConfigurations;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The digests at 07:00 London time. Each test puts the notifier's clock at the London
 * moment it names (and gives it back afterwards, moved on by the time the test took), so
 * that what it expects does not depend on when the suite runs. The shared clock starts in
 * March 2027 ({@code TestStreams}), before every moment named here, so taking it is a
 * move forward on every run, whatever the machine's date.
 */
@NotifierIntegrationTest
class DigestTests {

	/** The earliest moment a test here puts the clock at: Thursday 23 March 2028. */
	private static final Instant EARLIEST_MOMENT = LocalDateTime.parse("2028-03-23T12:00")
		.atZone(DigestSchedule.LONDON)
		.toInstant();

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClosedVacancies closedVacancies;

	@Autowired
	DeliveryLedger deliveries;

	@Autowired
	MovableClock clock;

	@Autowired
	AdjustableCoalescingRule coalescing;

	@Autowired
	InboxLeases leases;

	Ledger ledger;

	private Instant clockBefore;

	private long startedNanos;

	@BeforeEach
	void takeTheClock() {
		this.ledger = new Ledger(this.mongo, this.publisher, this.registry);
		this.clockBefore = this.clock.instant();
		assertThat(this.clockBefore).as("the shared clock, before every moment these tests name")
			.isBefore(EARLIEST_MOMENT);
		this.startedNanos = System.nanoTime();
	}

	/** The tests sharing the notifier see their clock go forward only. */
	@AfterEach
	void giveTheClockBack() {
		this.clock.setTo(this.clockBefore.plusNanos(System.nanoTime() - this.startedNanos));
	}

	@Test
	void dailyDigestGoesAtSevenWithoutTheVacanciesClosedByThen(Mailbox mailbox) {
		// noon on Saturday 1 July 2028: the next run is Sunday's 07:00 BST
		this.clock.setTo(LocalDateTime.parse("2028-07-01T12:00"));
		Alert alert = this.ledger.activeAlert(Frequency.DAILY);
		LocalDate today = LocalDate.parse("2028-07-01");
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
		Instant run = this.ledger.entriesOf(alert).get(0).dueAt();
		assertThat(run).isEqualTo(Instant.parse("2028-07-02T06:00:00Z"));
		assertThat(Emails.exactly(mailbox, alert.address(), 0)).isEmpty();

		this.clock.advanceTo(run.plusSeconds(1));

		MimeMessage digest = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.subject(digest)).isEqualTo("2 new jobs: medical secretary within 10 miles of LS6");
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

	/**
	 * A match recorded before 07:00 goes in that morning's digest, and a vacancy closing
	 * on the digest's day is still listed ("closing today still counts"): before the fix
	 * of its test, the run was assumed to be the next day. The same holds across both
	 * clock changes: the 07:00 run on the day of the change and on the day after is at
	 * the instant London's 07:00 is then.
	 */
	@ParameterizedTest(name = "recorded {0} London: the digest of {2} goes at {1}")
	@CsvSource({ "2028-07-02T03:00, 2028-07-02T06:00:00Z, 2028-07-02",
			"2028-07-02T06:59, 2028-07-02T06:00:00Z, 2028-07-02", "2028-03-25T12:00, 2028-03-26T06:00:00Z, 2028-03-26",
			"2028-03-26T00:30, 2028-03-26T06:00:00Z, 2028-03-26", "2028-03-26T12:00, 2028-03-27T06:00:00Z, 2028-03-27",
			"2028-10-28T12:00, 2028-10-29T07:00:00Z, 2028-10-29", "2028-10-29T01:30, 2028-10-29T07:00:00Z, 2028-10-29",
			"2028-10-29T12:00, 2028-10-30T07:00:00Z, 2028-10-30" })
	void aVacancyClosingOnTheDigestsDayIsStillListed(LocalDateTime recordedAt, Instant expectedRun, LocalDate digestDay,
			Mailbox mailbox) {
		this.clock.setTo(recordedAt);
		Alert alert = this.ledger.activeAlert(Frequency.DAILY);
		MatchedVacancy closesThatDay = TestEvents.vacancy("Closes On The Day", digestDay.minusDays(3), digestDay);
		MatchedVacancy closedTheDayBefore = TestEvents.vacancy("Closed The Day Before", digestDay.minusDays(3),
				digestDay.minusDays(1));
		for (MatchedVacancy vacancy : List.of(closesThatDay, closedTheDayBefore)) {
			this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		}
		await().atMost(Ledger.WAIT).until(() -> this.ledger.entriesOf(alert).size() == 2);
		assertThat(this.ledger.entriesOf(alert)).extracting(Delivery::dueAt).containsOnly(expectedRun);

		this.clock.advanceTo(expectedRun.minusSeconds(5));
		assertThat(Emails.exactly(mailbox, alert.address(), 0)).isEmpty();
		this.clock.advanceTo(expectedRun.plusSeconds(1));

		MimeMessage digest = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.subject(digest)).isEqualTo("1 new job: medical secretary within 10 miles of LS6");
		assertThat(MailContent.plainText(digest)).contains("Closes On The Day").doesNotContain("Closed The Day Before");
		await().atMost(Ledger.WAIT).untilAsserted(() -> {
			assertThat(this.ledger.stateOf(alert, closesThatDay.vacancyId())).isEqualTo(DeliveryState.SENT);
			assertThat(this.ledger.stateOf(alert, closedTheDayBefore.vacancyId())).isEqualTo(DeliveryState.SKIPPED);
		});
	}

	/**
	 * One email per person: an address with three daily alerts and two instant ones gets,
	 * for one feed whose vacancies match several of them, one instant email (at the end
	 * of the window) and one digest (at 07:00), a section per alert, each vacancy once;
	 * every (alert, vacancy) is SENT, and one-click unsubscribe in the digest ends all
	 * three of its alerts.
	 */
	@Test
	void anAddressGetsOneDigestAndOneInstantEmailEachVacancyOnce(Mailbox mailbox) {
		this.clock.setTo(LocalDateTime.parse("2028-07-01T12:00"));
		this.coalescing.coalesceWithin(Duration.ofSeconds(30));
		try {
			Alert first = this.ledger.activeAlert(Frequency.DAILY);
			String address = first.address();
			Alert second = this.ledger.anotherAlertOf(address, Frequency.DAILY);
			Alert third = this.ledger.anotherAlertOf(address, Frequency.DAILY);
			Alert quick = this.ledger.anotherAlertOf(address, Frequency.INSTANT);
			Alert quicker = this.ledger.anotherAlertOf(address, Frequency.INSTANT);
			MatchedVacancy everyone = TestEvents.vacancy("Matched By Everyone");
			MatchedVacancy twoDaily = TestEvents.vacancy("Matched By Two Daily");
			MatchedVacancy dailyAndInstant = TestEvents.vacancy("Matched Daily And Instant");
			MatchedVacancy firstOnly = TestEvents.vacancy("Matched By The First Only");
			MatchedVacancy secondOnly = TestEvents.vacancy("Matched By The Second Only");
			MatchedVacancy quickOnly = TestEvents.vacancy("Matched By The Quick Only");
			Map<Alert, List<MatchedVacancy>> matches = Map.of(first, List.of(everyone, firstOnly), second,
					List.of(everyone, twoDaily, secondOnly), third, List.of(twoDaily, dailyAndInstant), quick,
					List.of(everyone, quickOnly), quicker, List.of(everyone, dailyAndInstant));
			matches.forEach((alert, vacancies) -> vacancies
				.forEach((vacancy) -> this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy))));
			await().atMost(Ledger.WAIT)
				.until(() -> matches.keySet().stream().mapToLong((alert) -> this.ledger.entriesOf(alert).size()).sum(),
						(count) -> count == 11);

			this.clock.advance(Duration.ofSeconds(31));

			MimeMessage instant = Emails.exactly(mailbox, address, 1).get(0);
			assertThat(MailContent.subject(instant)).isEqualTo("3 new jobs for your 2 job alerts");
			assertListedOnce(instant, everyone, dailyAndInstant, quickOnly);
			assertThat(MailContent.plainText(instant)).doesNotContain(twoDaily.title(), firstOnly.title());

			this.clock.advanceTo(Instant.parse("2028-07-02T06:00:01Z"));

			MimeMessage digest = Emails.exactly(mailbox, address, 2).get(1);
			assertThat(MailContent.subject(digest)).isEqualTo("5 new jobs for your 3 job alerts");
			assertListedOnce(digest, everyone, twoDaily, dailyAndInstant, firstOnly, secondOnly);
			assertThat(MailContent.header(digest, "List-Unsubscribe")).contains("token=unsubscribe-" + first.alertId(),
					"token=unsubscribe-" + second.alertId(), "token=unsubscribe-" + third.alertId());
			assertThat(MailContent.plainText(digest)).contains(first.manageUrl(), second.manageUrl(),
					third.manageUrl());
			await().atMost(Ledger.WAIT)
				.untilAsserted(() -> matches.forEach((alert, vacancies) -> vacancies.forEach(
						(vacancy) -> assertThat(this.ledger.stateOf(alert, vacancy.vacancyId())).as(vacancy.title())
							.isEqualTo(DeliveryState.SENT))));
		}
		finally {
			this.coalescing.reset();
		}
	}

	/**
	 * Two notifier instances sharing the ledger (the second without listeners: it only
	 * sends) both find an address's three digests due at 07:00: the address gets one
	 * digest listing every vacancy once, and every entry is SENT.
	 */
	@Test
	void twoInstancesSendAnAddressOneDigestForOneRun(Mailbox mailbox) {
		this.clock.setTo(LocalDateTime.parse("2028-07-01T12:00"));
		Alert first = this.ledger.activeAlert(Frequency.DAILY);
		List<Alert> alerts = List.of(first, this.ledger.anotherAlertOf(first.address(), Frequency.DAILY),
				this.ledger.anotherAlertOf(first.address(), Frequency.DAILY));
		List<MatchedVacancy> vacancies = List.of(TestEvents.vacancy("First Of Two Instances"),
				TestEvents.vacancy("Second Of Two Instances"), TestEvents.vacancy("Third Of Two Instances"));
		for (Alert alert : alerts) {
			for (MatchedVacancy vacancy : vacancies) {
				this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
			}
		}
		await().atMost(Ledger.WAIT)
			.until(() -> alerts.stream().mapToLong((alert) -> this.ledger.countIn(alert, DeliveryState.PENDING)).sum(),
					(pending) -> pending == 9);

		try (ConfigurableApplicationContext second = secondInstance()) {
			this.clock.advanceTo(Instant.parse("2028-07-02T06:00:01Z"));

			MimeMessage digest = Emails.exactly(mailbox, first.address(), 1).get(0);
			assertThat(MailContent.subject(digest)).isEqualTo("3 new jobs: medical secretary within 10 miles of LS6");
			assertListedOnce(digest, vacancies.toArray(MatchedVacancy[]::new));
			await().atMost(Ledger.WAIT)
				.until(() -> alerts.stream().mapToLong((alert) -> this.ledger.countIn(alert, DeliveryState.SENT)).sum(),
						(sent) -> sent == 9);
		}
	}

	/**
	 * A second notifier on the same Kafka, MongoDB database and SMTP server, on the
	 * tests' clock, its listeners not started: another instance's sending rounds.
	 */
	private ConfigurableApplicationContext secondInstance() {
		List<String> arguments = new ArrayList<>();
		TestInfrastructure.shared().springProperties().forEach((name, value) -> {
			if (!name.equals("MONGODB_URI")) {
				arguments.add("--" + name + "=" + value);
			}
		});
		arguments.addAll(List.of("--server.port=0", "--spring.kafka.listener.auto-startup=false",
				"--nhsjob.notifier.coalescing-window=0s", "--nhsjob.notifier.delivery.poll-interval=200ms",
				"--nhsjob.notifier.address-key=" + NotifierIntegrationTest.ADDRESS_KEY,
				"--nhsjob.notifier.admin-token=" + NotifierIntegrationTest.ADMIN_TOKEN));
		Clock shared = this.clock;
		return NotifierApplication.application().initializers((context) -> {
			context.getBeanFactory().registerSingleton("skipTestConfigurations", new SkipTestConfigurations());
			((GenericApplicationContext) context).registerBean("testsClock", Clock.class, () -> shared,
					(definition) -> definition.setPrimary(true));
		}).run(arguments.toArray(String[]::new));
	}

	private static void assertListedOnce(MimeMessage email, MatchedVacancy... vacancies) {
		String text = MailContent.plainText(email);
		for (MatchedVacancy vacancy : vacancies) {
			assertThat(text.split(vacancy.title(), -1)).as(vacancy.title()).hasSize(2);
		}
	}

	@Test
	void weeklyDigestWaitsForMonday(Mailbox mailbox) {
		// Thursday 23 March 2028; the Monday after is the first in summer time
		this.clock.setTo(LocalDateTime.parse("2028-03-23T12:00"));
		Alert alert = this.ledger.activeAlert(Frequency.WEEKLY);
		MatchedVacancy vacancy = TestEvents.vacancy("Weekly Medical Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		Instant run = this.ledger.entriesOf(alert).get(0).dueAt();
		assertThat(run).isEqualTo(Instant.parse("2028-03-27T06:00:00Z"));
		assertThat(run.atZone(DigestSchedule.LONDON).getDayOfWeek()).hasToString("MONDAY");

		this.clock.advanceTo(run.minusSeconds(60));
		await().during(Duration.ofSeconds(1))
			.atMost(Ledger.WAIT)
			.until(() -> this.ledger.countIn(alert, DeliveryState.PENDING) == 1);
		this.clock.advanceTo(run.plusSeconds(1));

		assertThat(MailContent.plainText(mailbox.awaitMessageTo(alert.address()))).contains("Weekly Medical Secretary");
	}

	/**
	 * Closing soon: the digest of 3 August reminds of a vacancy sent on 2 August that
	 * closes on the 5th, under its own heading, and not of one closing on the 8th nor of
	 * one closed meanwhile; the digest of the 4th does not remind of it again. A reminder
	 * is not a sending: its entry stays SENT, marked with the digest that reminded of it.
	 */
	@Test
	void aDigestWithNewVacanciesRemindsOnceOfThoseSentBeforeThatCloseWithinThreeDays(Mailbox mailbox) {
		this.clock.setTo(LocalDateTime.parse("2028-08-01T12:00"));
		Alert alert = this.ledger.activeAlert(Frequency.DAILY);
		LocalDate firstDay = LocalDate.parse("2028-08-02");
		MatchedVacancy inTwoDays = TestEvents.vacancy("Closes In Two Days", firstDay.minusDays(5),
				firstDay.plusDays(3));
		MatchedVacancy inFiveDays = TestEvents.vacancy("Closes In Five Days", firstDay.minusDays(5),
				firstDay.plusDays(6));
		MatchedVacancy closedMeanwhile = TestEvents.vacancy("Closed Meanwhile", firstDay.minusDays(5),
				firstDay.plusDays(2));
		List<MimeMessage> digests = digestOn(mailbox, alert, firstDay, 1, inTwoDays, inFiveDays, closedMeanwhile);
		assertThat(MailContent.plainText(digests.get(0))).doesNotContain("Closing soon");
		this.publisher.publish(Topics.VACANCIES, closedMeanwhile.vacancyId(),
				TestEvents.closed(closedMeanwhile.vacancyId()));
		await().atMost(Ledger.WAIT).until(() -> this.closedVacancies.contains(closedMeanwhile.vacancyId()));

		digests = digestOn(mailbox, alert, firstDay.plusDays(1), 2, TestEvents.vacancy("Second Day Secretary"));

		MimeMessage second = digests.get(1);
		assertThat(MailContent.subject(second)).isEqualTo("1 new job: medical secretary within 10 miles of LS6");
		String text = MailContent.plainText(second);
		assertThat(text).contains("Second Day Secretary", "Closing soon", "Closes In Two Days")
			.doesNotContain("Closes In Five Days", "Closed Meanwhile");
		assertThat(text.indexOf("Closes In Two Days")).isGreaterThan(text.indexOf("Closing soon"));
		assertThat(MailContent.html(second)).contains("Closing soon</h3>");
		Delivery reminded = this.mongo.findById(DeliveryLedger.idOf(alert.alertId(), inTwoDays.vacancyId()),
				Delivery.class);
		assertThat(reminded.state()).isEqualTo(DeliveryState.SENT);
		assertThat(reminded.remindedIn()).isNotNull();

		digests = digestOn(mailbox, alert, firstDay.plusDays(2), 3, TestEvents.vacancy("Third Day Secretary"));

		assertThat(MailContent.plainText(digests.get(2))).contains("Third Day Secretary")
			.doesNotContain("Closing soon", "Closes In Two Days");
	}

	/**
	 * No reminder rides alone: an alert with no new vacancy gets no email, even with a
	 * vacancy it was sent closing the next day; and an alert that turned reminders off
	 * gets its new vacancies without them.
	 */
	@Test
	void noReminderWithoutNewVacanciesNorForAnAlertThatTurnedThemOff(Mailbox mailbox) {
		this.clock.setTo(LocalDateTime.parse("2028-09-04T12:00"));
		Alert quiet = this.ledger.activeAlert(Frequency.DAILY);
		Alert off = this.ledger.activeAlert(Frequency.DAILY, false);
		LocalDate firstDay = LocalDate.parse("2028-09-05");
		MatchedVacancy closesTomorrow = TestEvents.vacancy("Closes The Next Day", firstDay.minusDays(5),
				firstDay.plusDays(1));
		this.publisher.publish(Topics.ALERTS, quiet.alertId(), quiet.matched(closesTomorrow));
		digestOn(mailbox, off, firstDay, 1, closesTomorrow);
		mailbox.awaitMessageTo(quiet.address());

		List<MimeMessage> digests = digestOn(mailbox, off, firstDay.plusDays(1), 2,
				TestEvents.vacancy("Next Day Secretary"));

		assertThat(MailContent.plainText(digests.get(1))).contains("Next Day Secretary")
			.doesNotContain("Closing soon", "Closes The Next Day");
		assertThat(Emails.exactly(mailbox, quiet.address(), 1)).as("no email of reminders alone").hasSize(1);
	}

	/**
	 * Records the vacancies as new matches of the alert now, moves the clock to 07:00 of
	 * the day (the alert's next run), and returns the alert's emails once there are
	 * {@code count}.
	 */
	private List<MimeMessage> digestOn(Mailbox mailbox, Alert alert, LocalDate day, int count,
			MatchedVacancy... vacancies) {
		long before = this.ledger.entriesOf(alert).size();
		for (MatchedVacancy vacancy : vacancies) {
			this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));
		}
		await().atMost(Ledger.WAIT).until(() -> this.ledger.entriesOf(alert).size() == before + vacancies.length);
		this.clock.advanceTo(day.atTime(7, 0, 1).atZone(DigestSchedule.LONDON).toInstant());
		List<MimeMessage> emails = Emails.exactly(mailbox, alert.address(), count);
		await().atMost(Ledger.WAIT).until(() -> this.ledger.countIn(alert, DeliveryState.SENDING) == 0);
		this.clock.advanceTo(day.atTime(12, 0).atZone(DigestSchedule.LONDON).toInstant());
		return emails;
	}

	/**
	 * Two senders building digests of one alert at once (two instances) cannot both
	 * remind of a vacancy; the digest that took it takes it again when it is sent again
	 * (after a crash or a refusal), so the reminder is neither lost nor doubled.
	 */
	@Test
	void aVacancyIsRemindedInOneEmailOnlyAndAgainInThatEmailSentAgain() {
		String alertId = Alert.unique().alertId();
		MatchedVacancy vacancy = TestEvents.vacancy("Reminded Once");
		String id = this.deliveries.record(alertId, vacancy, Instant.parse("2099-01-01T07:00:00Z"));
		this.deliveries.mark(List.of(id), DeliveryState.SENT);
		try {
			assertThat(this.deliveries.remind(alertId + "/email/first", List.of(id))).containsExactly(id);
			assertThat(this.deliveries.remind(alertId + "/email/second", List.of(id))).isEmpty();
			assertThat(this.deliveries.remind(alertId + "/email/first", List.of(id))).containsExactly(id);
			assertThat(this.mongo.findById(id, Delivery.class).state()).isEqualTo(DeliveryState.SENT);
		}
		finally {
			this.deliveries.forgetAlert(alertId);
		}
	}

	/**
	 * Two instances sending at once never send an address two digests for one run: an
	 * address's email is claimed only under its inbox's lease in the ledger, so a sender
	 * that finds it held takes none of the address's entries (and none of its alerts'),
	 * and once it is given back the address's entries go in one email. Run here on the
	 * ledger with two senders' rounds side by side, as two instances would run them.
	 */
	@Test
	void twoSendersNeverSplitAnAddresssDigestIntoTwoEmails() throws Exception {
		String address = Alert.unique().address();
		List<String> alerts = List.of(Alert.unique().alertId(), Alert.unique().alertId());
		Instant due = Instant.parse("2099-01-01T07:00:00Z");
		List<String> ids = alerts.stream()
			.map((alertId) -> this.deliveries.record(alertId, TestEvents.vacancy("Shared Inbox"), due))
			.toList();
		String inbox = CoalescingRule.inboxOf("test-" + address, Frequency.DAILY);
		Instant now = this.clock.instant();
		Instant stuckBefore = now.minus(Duration.ofMinutes(5));
		List<PlannedEmail> planned = new CoalescingRule(Duration.ZERO)
			.plan(this.mongo.find(query(where("_id").in(ids)), Delivery.class), due, 10, (alertId) -> inbox);
		try {
			assertThat(planned).singleElement().extracting(PlannedEmail::inbox).isEqualTo(inbox);
			assertThat(this.leases.take(inbox, "another-round", now, now.plusSeconds(300))).isTrue();
			assertThat(this.deliveries.claim(planned, "held-out", now, stuckBefore)).isEmpty();
			assertThat(this.mongo.find(query(where("_id").in(ids)), Delivery.class)).extracting(Delivery::state)
				.containsOnly(DeliveryState.PENDING);
			this.leases.release(List.of(inbox), "another-round");

			ExecutorService senders = Executors.newFixedThreadPool(2);
			try {
				List<Future<List<ClaimedEmail>>> rounds = senders
					.invokeAll(List.of(() -> this.deliveries.claim(planned, "first", now, stuckBefore),
							() -> this.deliveries.claim(planned, "second", now, stuckBefore)));
				List<ClaimedEmail> claimed = new ArrayList<>();
				for (Future<List<ClaimedEmail>> round : rounds) {
					claimed.addAll(round.get());
				}
				assertThat(claimed).singleElement()
					.satisfies((email) -> assertThat(email.alertIds()).containsExactlyInAnyOrderElementsOf(alerts));
			}
			finally {
				senders.shutdown();
			}
		}
		finally {
			alerts.forEach(this.deliveries::forgetAlert);
		}
	}

	/**
	 * A round claims an address's new email in one write for the round, then names the
	 * email: an entry a crash left SENDING between the two has no email, and is taken
	 * again as new once its sending timeout has passed.
	 */
	@Test
	void anEntryLeftSendingBeforeItsEmailWasNamedIsTakenAgainAsNew() {
		String address = Alert.unique().address();
		String alertId = Alert.unique().alertId();
		Instant due = Instant.parse("2099-01-01T07:00:00Z");
		String id = this.deliveries.record(alertId, TestEvents.vacancy("Claimed Then Crashed"), due);
		Instant now = this.clock.instant();
		Instant stuckBefore = now.minus(Duration.ofMinutes(5));
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("state", DeliveryState.SENDING)
					.set("claim", "crashed")
					.set("updatedAt", stuckBefore.minusSeconds(1)),
				Delivery.class);
		String inbox = CoalescingRule.inboxOf("test-" + address, Frequency.DAILY);
		try {
			List<PlannedEmail> planned = new CoalescingRule(Duration.ZERO)
				.plan(this.mongo.find(query(where("_id").is(id)), Delivery.class), due, 10, (alert) -> inbox);

			List<ClaimedEmail> claimed = this.deliveries.claim(planned, "after-the-crash", now, stuckBefore);

			assertThat(claimed).singleElement().satisfies((email) -> {
				assertThat(email.ids()).containsExactly(id);
				assertThat(email.key()).isEqualTo(alertId + "/" + DeliveryLedger.INBOX + "after-the-crash");
			});
		}
		finally {
			this.leases.release(List.of(inbox), "after-the-crash");
			this.deliveries.forgetAlert(alertId);
		}
	}

	/**
	 * When more is due than a round reads at once, each email takes every due entry of
	 * its alerts that no email carries yet, not only those among the earliest due.
	 */
	@Test
	void aRoundBehindTakesEveryDueEntryOfItsAlerts() {
		String alertId = Alert.unique().alertId();
		String otherAlertId = Alert.unique().alertId();
		Instant due = Instant.parse("2099-01-01T07:00:00Z");
		List<String> dueIds = List.of(this.deliveries.record(alertId, TestEvents.vacancy("Due First"), due),
				this.deliveries.record(alertId, TestEvents.vacancy("Due Next"), due.plusSeconds(1)),
				this.deliveries.record(otherAlertId, TestEvents.vacancy("Due Too"), due));
		String later = this.deliveries.record(alertId, TestEvents.vacancy("Due Later"), due.plusSeconds(60));
		try {
			List<Delivery> more = this.deliveries.pendingOf(List.of(alertId, otherAlertId), due.plusSeconds(1));
			List<Delivery> first = this.mongo.find(query(where("_id").is(dueIds.get(0))), Delivery.class);

			assertThat(more).extracting(Delivery::id).containsExactlyInAnyOrderElementsOf(dueIds).doesNotContain(later);
			assertThat(DeliveryLedger.merged(first, more)).extracting(Delivery::id).hasSize(3).endsWith(dueIds.get(1));
		}
		finally {
			this.deliveries.forgetAlert(alertId);
			this.deliveries.forgetAlert(otherAlertId);
		}
	}

	@Test
	void anEmptyDigestIsNotSent(Mailbox mailbox) {
		this.clock.setTo(LocalDateTime.parse("2028-07-01T12:00"));
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
