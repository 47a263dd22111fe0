package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@NotifierIntegrationTest
class VacancyEmailTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	ClosedVacancies closedVacancies;

	@Autowired
	MongoTemplate mongo;

	@Test
	void emailsAMatchToAnActiveAlert(Mailbox mailbox) throws Exception {
		Alert alert = activeAlert();
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary to Consultant Cardiologist");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(vacancy));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(email.getSubject()).isEqualTo("1 new job: medical secretary within 10 miles of LS6");
		assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly(alert.address());
		assertThat(email.getFrom()).extracting(Object::toString)
			.containsExactly("NHSJob Alerts <alerts@nhsjob.localhost>");
		assertThat(email.getHeader("List-Unsubscribe")).containsExactly("<" + alert.unsubscribeUrl() + ">");
		assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(email.getMessageID()).matches("<[0-9a-f]{64}@nhsjob\\.alerts>");
		assertThat(email.getContentType()).startsWith("multipart/alternative");
		assertThat(MailContent.html(email)).contains("Medical Secretary to Consultant Cardiologist",
				"Leeds Teaching Hospitals NHS Trust", "Band 4", "37.5 hours a week", "Leeds, 2.3 miles away",
				"href=\"" + vacancy.applyUrl() + "\"", "href=\"" + alert.manageUrl() + "\"");
		assertThat(MailContent.plainText(email)).contains("Medical Secretary to Consultant Cardiologist",
				"£27,485 to £30,162 a year", "Closes: ", vacancy.applyUrl(), alert.manageUrl());
	}

	@Test
	void sendsAMatchOnceHoweverOftenItArrives(Mailbox mailbox) {
		Alert alert = activeAlert();
		MatchedVacancy first = TestEvents.vacancy("Medical Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(first));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(first));

		MatchedVacancy marker = TestEvents.vacancy("GP Practice Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(marker));

		mailbox.awaitMessageTo(alert.address(),
				(email) -> MailContent.plainText(email).contains("GP Practice Secretary"));
		// the marker may share an email with the first (both recorded before the
		// sender looked), but the first is offered once
		String everything = mailbox.messagesTo(alert.address())
			.stream()
			.map(MailContent::plainText)
			.collect(Collectors.joining());
		assertThat(everything.split(Pattern.quote(first.applyUrl()), -1)).hasSize(2);
	}

	@Test
	void sendsOneCopyOfAJobMatchedFromTwoSources(Mailbox mailbox) {
		Alert alert = activeAlert();
		MatchedVacancy first = TestEvents.vacancy("Medical Secretary");
		MatchedVacancy copy = copyOf(first,
				TestEvents.vacancy("nhs-jobs:" + UUID.randomUUID(), "Medical Secretary", "https://nhs.example/copy"));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(copy));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(first));

		MatchedVacancy marker = TestEvents.vacancy("GP Practice Secretary");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(marker));

		mailbox.awaitMessageTo(alert.address(),
				(email) -> MailContent.plainText(email).contains("GP Practice Secretary"));
		String everything = mailbox.messagesTo(alert.address())
			.stream()
			.map(MailContent::plainText)
			.collect(Collectors.joining());
		assertThat(everything).contains(copy.applyUrl()).doesNotContain(first.applyUrl());
		assertThat(this.mongo.exists(
				query(where("alertId").is(alert.alertId()).and("vacancy.jobId").is(first.vacancyId())), Delivery.class))
			.isTrue();
		assertThat(this.mongo.count(query(where("_id").in(DeliveryLedger.idOf(alert.alertId(), first.vacancyId()),
				DeliveryLedger.idOf(alert.alertId(), copy.vacancyId()))), Delivery.class))
			.isOne();
	}

	/** Another source's copy of the job, arriving as ingest and the matcher mark it. */
	private static MatchedVacancy copyOf(MatchedVacancy first, MatchedVacancy other) {
		return new MatchedVacancy(other.vacancyId(), other.revision(), other.title(), other.employerName(),
				other.bandMin(), other.bandMax(), other.salaryMinAnnual(), other.salaryMaxAnnual(), other.salaryText(),
				other.hoursPerWeek(), other.workingPatterns(), other.town(), other.postcode(), other.distanceMiles(),
				other.postedAt(), other.closingDate(), other.applyUrl(), first.vacancyId());
	}

	@Test
	void sendsNothingToAnAlertPausedSinceTheMatch(Mailbox mailbox) {
		Alert alert = activeAlert();
		MatchedVacancy vacancy = TestEvents.vacancy("Medical Secretary");
		VacancyMatched matchedBeforePause = new VacancyMatched(UUID.randomUUID(), VacancyMatched.SCHEMA_VERSION,
				TestEvents.now().minusSeconds(60), alert.alertId(),
				VacancyMatched.matchIdOf(alert.alertId(), vacancy.vacancyId()), vacancy);
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.PAUSED, 1));
		await().atMost(WAIT).until(() -> hasStatus(alert, AlertStatus.PAUSED));

		this.publisher.publish(Topics.ALERTS, alert.alertId(), matchedBeforePause);

		await().atMost(WAIT).until(() -> ledgerState(alert, vacancy) == DeliveryState.SKIPPED);
		assertThat(Emails.exactly(mailbox, alert.address(), 0)).isEmpty();
	}

	@Test
	void leavesOutAVacancyClosedBeforeItsEmail(Mailbox mailbox) {
		Alert alert = activeAlert();
		MatchedVacancy closed = TestEvents.vacancy("Medical Secretary - Dermatology");
		this.publisher.publish(Topics.VACANCIES, closed.vacancyId(), TestEvents.closed(closed.vacancyId()));
		await().atMost(WAIT).until(() -> this.closedVacancies.contains(closed.vacancyId()));

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(closed));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Medical Secretary")));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.plainText(email)).doesNotContain("Dermatology");
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
		assertThat(ledgerState(alert, closed)).isEqualTo(DeliveryState.SKIPPED);
	}

	@Test
	void welcomeEmailListsTheVacanciesAndTheTotalAndCountsThemAsSent(Mailbox mailbox) throws Exception {
		Alert alert = activeAlert();
		MatchedVacancy cardiology = TestEvents.vacancy("Medical Secretary - Cardiology");
		MatchedVacancy oncology = TestEvents.vacancy("Medical Secretary - Oncology");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.welcome(12, cardiology, oncology));

		MimeMessage welcome = mailbox.awaitMessageTo(alert.address());
		assertThat(welcome.getSubject())
			.isEqualTo("Your job alert is on: 12 medical secretary jobs within 10 miles of LS6");
		assertThat(welcome.getHeader("List-Unsubscribe")).containsExactly("<" + alert.unsubscribeUrl() + ">");
		assertThat(MailContent.html(welcome)).contains("Medical Secretary - Cardiology", "Medical Secretary - Oncology",
				"And 10 more vacancies not listed here.");
		assertThat(MailContent.plainText(welcome)).contains("And 10 more");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(oncology));
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(TestEvents.vacancy("Team Leader")));
		mailbox.awaitMessageTo(alert.address(), (email) -> MailContent.plainText(email).contains("Team Leader"));
		assertThat(Emails.exactly(mailbox, alert.address(), 2)).hasSize(2);
	}

	@Test
	void aVacancyEmailedOnItsOwnIsLeftOutOfTheWelcomeAndItsCount(Mailbox mailbox) throws Exception {
		Alert alert = activeAlert();
		MatchedVacancy cardiology = TestEvents.vacancy("Medical Secretary - Cardiology");
		MatchedVacancy oncology = TestEvents.vacancy("Medical Secretary - Oncology");
		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(cardiology));
		mailbox.awaitMessageTo(alert.address());

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.welcome(5, cardiology, oncology));

		MimeMessage welcome = mailbox.awaitMessageTo(alert.address(),
				(email) -> MailContent.plainText(email).contains("Oncology"));
		assertThat(welcome.getSubject())
			.isEqualTo("Your job alert is on: 4 medical secretary jobs within 10 miles of LS6");
		assertThat(MailContent.plainText(welcome)).doesNotContain("Cardiology");
		assertThat(Emails.exactly(mailbox, alert.address(), 2)).hasSize(2);
	}

	@Test
	void feedTextComesOutEscapedAndInert(Mailbox mailbox) throws Exception {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(),
				alert.profile(1, AlertStatus.ACTIVE, 1, TestEvents.CRITERIA + "\r\nBcc: victim@example.org"));
		MatchedVacancy hostile = TestEvents.vacancy(TestEvents.uniqueVacancyId(),
				"<script>alert(1)</script>\r\nBcc: victim@example.org", "javascript:alert(1)");

		this.publisher.publish(Topics.ALERTS, alert.alertId(), alert.matched(hostile));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(email.getSubject()).doesNotContain("\r", "\n")
			.isEqualTo("1 new job: medical secretary within 10 miles of LS6 Bcc: victim@example.org");
		assertThat(email.getHeader("Bcc")).isNull();
		assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly(alert.address());
		assertThat(MailContent.html(email)).contains("&lt;script&gt;alert(1)&lt;/script&gt; Bcc: victim@example.org")
			.doesNotContain("<script", "javascript:");
		assertThat(MailContent.plainText(email)).contains("<script>alert(1)</script> Bcc: victim@example.org")
			.doesNotContain("javascript:");
	}

	private Alert activeAlert() {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(WAIT).until(() -> hasStatus(alert, AlertStatus.ACTIVE));
		return alert;
	}

	private boolean hasStatus(Alert alert, AlertStatus status) {
		return this.registry.find(alert.alertId()).map(Recipient::status).orElse(null) == status;
	}

	private @Nullable DeliveryState ledgerState(Alert alert, MatchedVacancy vacancy) {
		Delivery delivery = this.mongo.findById(DeliveryLedger.idOf(alert.alertId(), vacancy.vacancyId()),
				Delivery.class);
		return (delivery != null) ? delivery.state() : null;
	}

}
