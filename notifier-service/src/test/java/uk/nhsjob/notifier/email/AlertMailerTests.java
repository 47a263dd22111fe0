package uk.nhsjob.notifier.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;
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

	@Test
	void theWelcomeEmailSaysInOneLineThatTheAlertIsOnAndTheDescriptionBelowIt() {
		this.sender.send(this.mailer.welcomeEmail("alert-1/welcome", this.addressee, List.of(vacancy(1)), 12));

		String html = MailContent.html(this.sender.sent.get(0));
		assertThat(html)
			.contains("<h1 style=\"margin: 0; font-size: 22px; line-height: 28px;\">Your job alert is on</h1>")
			.contains(">medical secretary jobs within 10 miles of LS6</h2>")
			.contains("12 open jobs match it now.");
		assertThat(MailContent.plainText(this.sender.sent.get(0))).startsWith("""
				NHSJob Alerts

				Your job alert is on

				We will email you as new vacancies match it.
				""").contains("medical secretary jobs within 10 miles of LS6\n12 open jobs match it now.");
	}

	@Test
	void closingSoonRemindersComeAfterTheSectionsNewVacanciesBeforeItsLinksInTheSameLayout() {
		this.sender.send(
				this.mailer.matchesEmail("alert-1/email/1", this.addressee, List.of(vacancy(1)), List.of(vacancy(7))));

		String text = MailContent.plainText(this.sender.sent.get(0));
		String html = MailContent.html(this.sender.sent.get(0));
		assertThat(text).containsSubsequence("Vacancy 1", "Closing soon\n\nJobs we sent you before", "Vacancy 7",
				"Closes: 31 December 2026", "See the job and apply: https://jobs.example.nhs.uk/7",
				"Change, pause or delete this alert:");
		assertThat(html)
			.containsSubsequence("Vacancy 1", "Closing soon</h3>", "Vacancy 7",
					"href=\"https://jobs.example.nhs.uk/7\"", "Change, pause or delete this alert")
			.doesNotContain("<div");
		assertThat(MailContent.subject(this.sender.sent.get(0)))
			.isEqualTo("1 new job: medical secretary within 10 miles of LS6");
	}

	@Test
	void aWelcomeWithNothingToListSaysSoOnce() {
		this.sender.send(this.mailer.welcomeEmail("alert-1/welcome", this.addressee, List.of(), 0));

		String text = MailContent.plainText(this.sender.sent.get(0));
		assertThat(MailContent.subject(this.sender.sent.get(0)))
			.isEqualTo("Your job alert is on: medical secretary jobs within 10 miles of LS6");
		assertThat(text).contains("medical secretary jobs within 10 miles of LS6\nNo open vacancy matches it yet.")
			.doesNotContain("We will email you as new vacancies match it.", "----------------------------------------");
	}

	@Test
	void everyEmailIsLaidOutInTablesUnderTheServicesNameWithAButtonForItsAction() {
		this.sender.send(this.mailer.welcomeEmail("alert-1/welcome", this.addressee, List.of(vacancy(1)), 1));
		this.sender.send(this.mailer.matchesEmail("alert-1/email/1", this.addressee, List.of(vacancy(2))));
		this.sender.send(this.mailer.confirmationEmail("alert-1/confirmation/1", "sam@example.org",
				"medical secretary jobs within 10 miles of LS6", "https://alerts.test/confirm?token=c", null));
		this.sender.send(this.mailer.noticeEmail("notice/1", "sam@example.org", NoticeKind.ALERT_LIMIT_REACHED,
				"https://alerts.test/alerts/mine?token=m"));

		List<String> buttons = List.of("https://jobs.example.nhs.uk/1", "https://jobs.example.nhs.uk/2",
				"https://alerts.test/confirm?token=c", "https://alerts.test/alerts/mine?token=m");
		for (int i = 0; i < buttons.size(); i++) {
			String html = MailContent.html(this.sender.sent.get(i));
			assertThat(html)
				.contains("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\""
						+ " border=\"0\" style=\"width: 100%; max-width: 600px;")
				.contains(">NHSJob Alerts</td>")
				.contains("<td bgcolor=\"#007f3b\" style=\"background: #007f3b; border-radius: 4px; mso-padding-alt:"
						+ " 12px 20px;\">\n<a href=\"" + buttons.get(i) + "\"")
				.doesNotContain("<div", "<ul", "<p>");
			assertThat(fontSizes(html)).as("font sizes in px").allMatch((size) -> size >= 14);
			assertThat(fixedWidths(html)).as("fixed widths, outside Outlook's own table").allMatch((w) -> w <= 600);
		}
	}

	@Test
	void severalAlertsShareOneEmailWithASectionAndLinksEachAndAtMostTwentyVacanciesInAll() {
		Addressee other = new Addressee("sam@example.org", "clinical coder jobs within 5 miles of LS1",
				"https://alerts.test/manage?token=m2", "https://alerts.test/unsubscribe?token=u2");
		List<MatchedVacancy> many = IntStream.rangeClosed(1, 18).mapToObj(AlertMailerTests::vacancy).toList();
		List<MatchedVacancy> coders = IntStream.rangeClosed(31, 35).mapToObj(AlertMailerTests::vacancy).toList();

		this.sender.send(this.mailer.matchesEmail("sam/email/1", "sam@example.org",
				List.of(new AlertSection(this.addressee, many), new AlertSection(other, coders)),
				"https://alerts.test/unsubscribe?token=u&token=u2"));

		MimeMessage email = this.sender.sent.get(0);
		assertThat(MailContent.subject(email)).isEqualTo("23 new jobs for your 2 job alerts");
		assertThat(MailContent.header(email, "List-Unsubscribe"))
			.isEqualTo("<https://alerts.test/unsubscribe?token=u&token=u2>");
		String text = MailContent.plainText(email);
		// the twenty newest of the whole email: the coders' five and the secretaries' 4
		// to 18
		assertThat(text)
			.contains("23 new jobs for your 2 job alerts", "medical secretary jobs within 10 miles of LS6\n18 new jobs",
					"clinical coder jobs within 5 miles of LS1\n5 new jobs", "Vacancy 35", "Vacancy 31", "Vacancy 4\n",
					"And 3 more vacancies not listed here.", "https://alerts.test/manage?token=m\n",
					"https://alerts.test/manage?token=m2", "Unsubscribe: https://alerts.test/unsubscribe?token=u2")
			.doesNotContain("Vacancy 3\n", "Vacancy 1\n");
		assertThat(text.indexOf("Vacancy 4\n")).isLessThan(text.indexOf("clinical coder jobs"));
		assertThat(text.indexOf("And 3 more")).isLessThan(text.indexOf("clinical coder jobs"));
		assertThat(text.indexOf("https://alerts.test/manage?token=m\n"))
			.isLessThan(text.indexOf("clinical coder jobs"));
		assertThat(MailContent.html(email)).contains("href=\"https://alerts.test/unsubscribe?token=u2\"");
	}

	@Test
	void thePlainTextSaysWhatTheHtmlSaysInTheSameOrderWithTheLinksWrittenOut() {
		MatchedVacancy vacancy = new MatchedVacancy("trust:9", 1, "Senior Medical Secretary & PA <Oncology>",
				"Leeds Teaching Hospitals NHS Trust", Band.BAND_4, Band.BAND_5, null, null, "£27,485 to £30,162 a year",
				37.5, List.of(WorkingPattern.FULL_TIME), "Leeds", "LS1 3EX", 2.14, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), "https://jobs.example.nhs.uk/9?a=1&b=2");
		Addressee longWinded = new Addressee("sam@example.org",
				"consultant secretary, GP practice secretary, departmental secretary, medical secretary or ward clerk"
						+ " jobs within 10 miles of BS1",
				"https://alerts.test/manage?token=m", "https://alerts.test/unsubscribe?token=u");

		this.sender.send(this.mailer.matchesEmail("alert-1/email/1", longWinded, List.of(vacancy)));

		String text = MailContent.plainText(this.sender.sent.get(0));
		String html = MailContent.html(this.sender.sent.get(0));
		List<String> facts = List.of("Senior Medical Secretary & PA <Oncology>", "Leeds Teaching Hospitals NHS Trust",
				"Pay: Band 4 to 5, £27,485 to £30,162 a year", "Hours: 37.5 hours a week, full time",
				"Where: Leeds, 2.1 miles away", "Closes: 31 December 2026",
				"See the job and apply: https://jobs.example.nhs.uk/9?a=1&b=2",
				"Change, pause or delete this alert: https://alerts.test/manage?token=m",
				"Unsubscribe: https://alerts.test/unsubscribe?token=u");
		assertThat(text).containsSubsequence(facts).doesNotContain("&amp;", "&lt;", "<td", "<a ", "[(", "[#");
		assertThat(html).containsSubsequence("Senior Medical Secretary &amp; PA &lt;Oncology&gt;",
				"Leeds Teaching Hospitals NHS Trust",
				"<strong>Pay:</strong> <span>Band 4 to 5, £27,485 to £30,162 a year",
				"<strong>Hours:</strong> <span>37.5 hours a week, full time",
				"<strong>Where:</strong> <span>Leeds, 2.1 miles away",
				"<strong>Closes:</strong> <span>31 December 2026", "href=\"https://jobs.example.nhs.uk/9?a=1&amp;b=2\"",
				"href=\"https://alerts.test/manage?token=m\"", "href=\"https://alerts.test/unsubscribe?token=u\"");
		assertThat(text.lines()).as("lines of at most 76 characters, or one word that cannot be broken")
			.allMatch((line) -> line.length() <= EmailTemplates.TEXT_WIDTH || !line.contains(" "));
		assertThat(text).contains("consultant secretary, GP practice secretary, departmental secretary, medical\n"
				+ "secretary or ward clerk jobs within 10 miles of BS1");
	}

	private static List<Integer> fontSizes(String html) {
		return numbers(html, "font-size: (\\d+)px");
	}

	/** Widths fixed in pixels, except in Outlook's conditional comments. */
	private static List<Integer> fixedWidths(String html) {
		String outsideOutlook = html.replaceAll("(?s)<!--\\[if mso\\]>.*?<!\\[endif\\]-->", "");
		return numbers(outsideOutlook, "width(?:=\"|: ?)(\\d+)(?:px|\")");
	}

	private static List<Integer> numbers(String text, String pattern) {
		return Pattern.compile(pattern)
			.matcher(text)
			.results()
			.map((match) -> Integer.parseInt(match.group(1)))
			.toList();
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
