package uk.nhsjob.notifier.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.notifier.NotifierSettings;
import uk.nhsjob.testsupport.MailContent;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMailerTests {

	private final CapturingMailSender sender = new CapturingMailSender();

	private final AlertMailer mailer = new AlertMailer(this.sender, new EmailTemplates(),
			new NotifierSettings("alerts@nhsjob.localhost", "NHSJob Alerts", Duration.ofSeconds(30), "nhsjob.alerts",
					"alerts.nhsjob.localhost"),
			DkimSigning.NONE, Clock.fixed(Instant.parse("2028-03-27T06:00:00Z"), ZoneOffset.UTC),
			new SimpleMeterRegistry());

	private final Addressee addressee = new Addressee("sam@example.org",
			"medical secretary jobs within 10 miles of LS6", "https://alerts.test/manage?token=m",
			"https://alerts.test/unsubscribe?token=u");

	@Test
	void theSameKeyGivesTheSameMessageId() throws MessagingException {
		this.sender.send(this.mailer.matchesEmail("alert-1/trust:1", this.addressee, List.of(vacancy(1))));
		this.sender.send(this.mailer.matchesEmail("alert-1/trust:1", this.addressee, List.of(vacancy(1))));
		this.sender.send(this.mailer.matchesEmail("alert-1/trust:2", this.addressee, List.of(vacancy(2))));

		assertThat(this.sender.sent.get(0).getMessageID()).isEqualTo(this.sender.sent.get(1).getMessageID())
			.isNotEqualTo(this.sender.sent.get(2).getMessageID());
	}

	@Test
	void listsAtMostTwentyVacanciesNewestFirstAndSaysHowManyMore() {
		List<MatchedVacancy> vacancies = IntStream.rangeClosed(1, 25).mapToObj(AlertMailerTests::vacancy).toList();

		this.sender.send(this.mailer.welcomeEmail("alert-1/welcome", this.addressee, vacancies, 40));

		String text = MailContent.plainText(this.sender.sent.get(0));
		assertThat(text).contains("Vacancy 25", "Vacancy 6", "And 20 more").doesNotContain("Vacancy 5\n");
		assertThat(text.indexOf("Vacancy 25")).isLessThan(text.indexOf("Vacancy 24"));
	}

	@Test
	void everyEmailNamesTheServicesListAndSaysItIsAutomaticButOnlyAlertEmailsOfferUnsubscribing()
			throws MessagingException {
		this.sender.send(this.mailer.matchesEmail("alert-1/email/1", this.addressee, List.of(vacancy(1))));
		this.sender.send(this.mailer.confirmationEmail("alert-1/confirmation/1", "sam@example.org",
				"medical secretary jobs within 10 miles of LS6", "https://alerts.test/confirm?token=c",
				"https://alerts.test/alerts/not-me?token=n"));
		this.sender.send(this.mailer.noticeEmail("notice/1", "sam@example.org", NoticeKind.MANAGE_LINK,
				"https://alerts.test/alerts/mine?token=m"));
		this.sender.send(this.mailer.noticeEmail("notice/2", "sam@example.org", NoticeKind.ALERT_LIMIT_REACHED,
				"https://alerts.test/alerts/mine?token=m"));

		for (MimeMessage email : this.sender.sent) {
			assertThat(email.getHeader("List-Id")).containsExactly("NHSJob Alerts <alerts.nhsjob.localhost>");
			assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		}
		assertThat(this.sender.sent).extracting((email) -> email.getHeader("List-Unsubscribe") != null)
			.containsExactly(true, false, false, false);
	}

	@Test
	void aNoticeCarriesItsLinkInBothPartsAsAButtonAndEscaped() {
		String url = "https://alerts.test/alerts/mine?token=m&x=<b>";

		this.sender.send(this.mailer.noticeEmail("notice/1", "sam@example.org", NoticeKind.MANAGE_LINK, url));

		MimeMessage email = this.sender.sent.get(0);
		assertThat(MailContent.subject(email)).isEqualTo("Your job alerts");
		assertThat(MailContent.plainText(email)).contains("See your job alerts: " + url);
		assertThat(MailContent.html(email)).contains("href=\"https://alerts.test/alerts/mine?token=m&amp;x=&lt;b&gt;\"")
			.doesNotContain("<b>")
			.contains("<table role=\"presentation\"");
	}

	private static MatchedVacancy vacancy(int n) {
		return new MatchedVacancy("trust:" + n, 1, "Vacancy " + n, "Leeds Teaching Hospitals NHS Trust", Band.BAND_4,
				null, null, null, null, null, List.of(), "Leeds", null, null, LocalDate.of(2026, 1, 1).plusDays(n),
				LocalDate.of(2026, 12, 31), "https://jobs.example.nhs.uk/" + n);
	}

	/**
	 * Keeps the messages, saved as the SMTP connection saves them before it sends,
	 * instead of sending.
	 */
	static class CapturingMailSender extends JavaMailSenderImpl {

		final List<MimeMessage> sent = new ArrayList<>();

		@Override
		public void send(MimeMessage... messages) {
			for (MimeMessage message : messages) {
				try {
					message.saveChanges();
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
				this.sent.add(message);
			}
		}

	}

}
