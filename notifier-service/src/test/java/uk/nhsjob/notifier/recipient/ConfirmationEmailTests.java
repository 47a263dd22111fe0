package uk.nhsjob.notifier.recipient;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

@NotifierIntegrationTest
class ConfirmationEmailTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Test
	void theConfirmationEmailSaysWhatToDoForSomeoneWhoDidNotAskWithTheNotMeLink(Mailbox mailbox) {
		Alert alert = Alert.unique();

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.plainText(email)).contains("If you did not ask for this alert, ignore this email")
			.contains("Or delete your address from our service now: " + alert.notMeUrl());
		assertThat(MailContent.html(email)).contains("href=\"" + alert.notMeUrl() + "\"");
	}

	@Test
	void aProfilePublishedBeforeTheNotMeLinkGetsItsConfirmationWithoutOne(Mailbox mailbox) {
		Alert alert = Alert.unique();
		AlertProfileChanged withLink = alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1);
		AlertProfileChanged earlier = new AlertProfileChanged(withLink.eventId(), withLink.schemaVersion(),
				withLink.occurredAt(), withLink.alertId(), withLink.revision(), withLink.email(), withLink.status(),
				withLink.frequency(), withLink.criteriaDescription(), withLink.confirmationRequest(),
				withLink.confirmUrl(), withLink.manageUrl(), withLink.unsubscribeUrl(), withLink.criteria(),
				withLink.closingSoon(), withLink.matchingSince());

		this.publisher.publish(Topics.PROFILES, alert.alertId(), earlier);

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(MailContent.plainText(email)).contains(alert.confirmUrl(1))
			.contains("ignore this email")
			.doesNotContain("delete your address")
			.doesNotContain("not-me");
		assertThat(MailContent.html(email)).doesNotContain("not-me");
	}

	@Test
	void pendingAlertGetsOneConfirmationEmailWithItsConfirmLink(Mailbox mailbox) throws Exception {
		Alert alert = Alert.unique();

		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1));

		MimeMessage email = mailbox.awaitMessageTo(alert.address());
		assertThat(email.getSubject())
			.isEqualTo("Confirm your job alert: medical secretary jobs within 10 miles of LS6");
		assertThat(email.getFrom()).extracting(Object::toString)
			.containsExactly("NHSJob Alerts <alerts@nhsjob.localhost>");
		assertThat(MailContent.plainText(email)).contains(alert.confirmUrl(1));
		assertThat(MailContent.html(email)).contains("href=\"" + alert.confirmUrl(1) + "\"");
		assertThat(email.getHeader("List-Unsubscribe")).isNull();
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1);
	}

	@Test
	void redeliveredProfileSendsNoSecondConfirmation(Mailbox mailbox) {
		Alert alert = Alert.unique();
		var pending = alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 1);
		this.publisher.publish(Topics.PROFILES, alert.alertId(), pending);
		this.publisher.publish(Topics.PROFILES, alert.alertId(), pending);

		// the candidate asks again: the next record of the alert, so read after both
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.PENDING_CONFIRMATION, 2));

		mailbox.awaitMessageTo(alert.address(), (email) -> MailContent.plainText(email).contains(alert.confirmUrl(2)));
		assertThat(Emails.exactly(mailbox, alert.address(), 2)).hasSize(2)
			.filteredOn((email) -> MailContent.plainText(email).contains(alert.confirmUrl(1)))
			.hasSize(1);
	}

	@Test
	void ignoresAProfileOlderThanTheOneStored(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.PENDING_CONFIRMATION, 1));
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.PENDING_CONFIRMATION, 2));
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(3, AlertStatus.PENDING_CONFIRMATION, 3));

		mailbox.awaitMessageTo(alert.address(), (email) -> MailContent.plainText(email).contains(alert.confirmUrl(3)));
		assertThat(Emails.exactly(mailbox, alert.address(), 2)).hasSize(2)
			.noneMatch((email) -> MailContent.plainText(email).contains(alert.confirmUrl(2)));
		assertThat(this.registry.find(alert.alertId())).hasValueSatisfying((recipient) -> {
			assertThat(recipient.revision()).isEqualTo(3);
			assertThat(recipient.confirmationsRecorded()).isEqualTo(3);
		});
	}

	@Test
	void activeAlertGetsNoConfirmation(Mailbox mailbox) {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(2, AlertStatus.PENDING_CONFIRMATION, 2));

		mailbox.awaitMessageTo(alert.address());
		assertThat(Emails.exactly(mailbox, alert.address(), 1)).hasSize(1)
			.allMatch((email) -> MailContent.plainText(email).contains(alert.confirmUrl(2)));
	}

}
