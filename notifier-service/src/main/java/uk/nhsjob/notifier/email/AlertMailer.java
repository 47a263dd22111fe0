package uk.nhsjob.notifier.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.notifier.NotifierSettings;

/**
 * Builds the notifier's emails: vacancy emails, confirmation requests and notices. Each
 * email has a key naming what it delivers; the Message-ID is derived from the key, so
 * sending the same thing twice is recognisable as a duplicate. The delivery sends them on
 * its own SMTP connections, and counts them here once accepted.
 */
@Component
public class AlertMailer {

	/**
	 * One email lists at most this many vacancies, newest first, and says how many more
	 * (docs/emails.md).
	 */
	static {
		MailStreamProvider.nameOnce();
	}

	static final int MAX_VACANCIES = 20;

	private static final Comparator<MatchedVacancy> NEWEST_FIRST = Comparator.comparing(MatchedVacancy::postedAt,
			Comparator.nullsLast(Comparator.reverseOrder()));

	private final JavaMailSender mailSender;

	private final EmailTemplates templates;

	private final NotifierSettings settings;

	private final DkimSigning dkim;

	private final Clock clock;

	private final Map<EmailKind, Counter> sent = new EnumMap<>(EmailKind.class);

	AlertMailer(JavaMailSender mailSender, EmailTemplates templates, NotifierSettings settings, DkimSigning dkim,
			Clock clock, MeterRegistry meters) {
		this.mailSender = mailSender;
		this.dkim = dkim;
		this.templates = templates;
		this.settings = settings;
		this.clock = clock;
		for (EmailKind kind : EmailKind.values()) {
			this.sent.put(kind,
					Counter.builder("notifier.emails.sent")
						.description("Emails accepted by the SMTP server")
						.tag("kind", kind.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
	}

	/**
	 * An alert's confirmation request, built for the caller to send: the confirm link of
	 * that request.
	 * @param notMeUrl the "this wasn't me" link, whose page erases the address; null for
	 * an alert whose profile record has none, whose email then says only to ignore it
	 */
	public MimeMessage confirmationEmail(String key, String address, String criteriaDescription, String confirmUrl,
			@Nullable String notMeUrl) {
		Map<String, Object> model = new HashMap<>();
		model.put("criteriaDescription", PlainText.oneLine(criteriaDescription));
		model.put("confirmUrl", confirmUrl);
		model.put("notMeUrl", notMeUrl);
		EmailTemplates.Rendered body = render("confirmation", model);
		return build(EmailKind.CONFIRMATION, key, address, Subjects.confirmation(criteriaDescription), body, null);
	}

	/**
	 * A notice about an address, built for the caller to send: the link to the page of
	 * the address's alerts, and why it comes (docs/emails.md, "Notices").
	 */
	public MimeMessage noticeEmail(String key, String address, NoticeKind kind, String url) {
		EmailKind emailKind = (kind == NoticeKind.MANAGE_LINK) ? EmailKind.MANAGE_LINK : EmailKind.ALERT_LIMIT_REACHED;
		String template = (kind == NoticeKind.MANAGE_LINK) ? "manage-link" : "alert-limit";
		String subject = Subjects.notice(kind);
		EmailTemplates.Rendered body = render(template, Map.of("subject", subject, "url", PlainText.oneLine(url)));
		return build(emailKind, key, address, subject, body, null);
	}

	/**
	 * The email of vacancies that newly matched an alert, built for the caller to send
	 * (on a connection it keeps open); {@link #countSent(EmailKind)} once it is accepted.
	 */
	public MimeMessage matchesEmail(String key, Addressee to, List<MatchedVacancy> vacancies) {
		return matchesEmail(key, to, vacancies, List.of());
	}

	/**
	 * The same, for a digest that also reminds of earlier-sent vacancies closing soon:
	 * listed in the order given, under their own heading after the new ones, and not
	 * counted in the subject (docs/emails.md, "Closing soon").
	 */
	public MimeMessage matchesEmail(String key, Addressee to, List<MatchedVacancy> vacancies,
			List<MatchedVacancy> closingSoon) {
		return matchesEmail(key, to.address(), List.of(new AlertSection(to, vacancies, vacancies.size(), closingSoon)),
				to.unsubscribeUrl());
	}

	/**
	 * One email of the vacancies that newly matched several alerts of one address, a
	 * section per alert in the order given, at most {@value #MAX_VACANCIES} vacancies in
	 * all (docs/emails.md, "What an email holds"). Listing each vacancy under one alert
	 * only is the caller's part.
	 * @param listUnsubscribeUrl the {@code List-Unsubscribe} link, which ends every alert
	 * of the email
	 */
	public MimeMessage matchesEmail(String key, String address, List<AlertSection> sections,
			String listUnsubscribeUrl) {
		int count = sections.stream().mapToInt(AlertSection::total).sum();
		String subject = (sections.size() == 1)
				? Subjects.newVacancies(count, sections.get(0).alert().criteriaDescription())
				: Subjects.newVacanciesForAlerts(count, sections.size());
		String heading = count + " new " + jobs(count) + " for your "
				+ ((sections.size() == 1) ? "job alert" : sections.size() + " job alerts");
		List<EmailSection> shown = sections(sections, (section) -> section.total() + " new " + jobs(section.total()));
		return build(EmailKind.MATCHES, key, address, subject,
				vacancyEmail(subject, heading, null, shown, sections.size()), listUnsubscribeUrl);
	}

	/** Counts an email built here as accepted by the SMTP server. */
	public void countSent(EmailKind kind) {
		this.sent.get(kind).increment();
	}

	/**
	 * The welcome email, built for the caller to send: the vacancies that already matched
	 * the alert when it was confirmed, and how many there were in all.
	 */
	public MimeMessage welcomeEmail(String key, Addressee to, List<MatchedVacancy> vacancies, int total) {
		AlertSection section = new AlertSection(to, vacancies, total);
		String subject = Subjects.welcome(section.total(), to.criteriaDescription());
		List<EmailSection> shown = sections(List.of(section),
				(only) -> (only.total() > 0)
						? only.total() + " open " + jobs(only.total()) + " "
								+ ((only.total() == 1) ? "matches" : "match") + " it now."
						: "No open vacancy matches it yet. We will email you when one does.");
		return build(EmailKind.WELCOME, key, to.address(), subject,
				vacancyEmail(subject, "Your job alert is on",
						(section.total() > 0) ? "We will email you as new vacancies match it." : null, shown, 1),
				to.unsubscribeUrl());
	}

	/**
	 * Each alert's vacancies newest first, those among the {@value #MAX_VACANCIES} newest
	 * of the whole email (the others are counted as "more" in their section).
	 */
	private static List<EmailSection> sections(List<AlertSection> sections, Function<AlertSection, String> summary) {
		Set<MatchedVacancy> newest = Collections.newSetFromMap(new IdentityHashMap<>());
		sections.stream()
			.flatMap((section) -> section.vacancies().stream())
			.sorted(NEWEST_FIRST)
			.limit(MAX_VACANCIES)
			.forEach(newest::add);
		List<EmailSection> shown = new ArrayList<>();
		for (AlertSection section : sections) {
			List<EmailVacancy> listed = section.vacancies()
				.stream()
				.filter(newest::contains)
				.sorted(NEWEST_FIRST)
				.map(EmailVacancy::of)
				.toList();
			Addressee alert = section.alert();
			shown.add(new EmailSection(PlainText.oneLine(alert.criteriaDescription()), summary.apply(section), listed,
					section.total() - listed.size(), section.closingSoon().stream().map(EmailVacancy::of).toList(),
					alert.manageUrl(), alert.unsubscribeUrl()));
		}
		return shown;
	}

	private static String jobs(int count) {
		return (count == 1) ? "job" : "jobs";
	}

	private EmailTemplates.Rendered vacancyEmail(String subject, String heading, @Nullable String intro,
			List<EmailSection> sections, int alerts) {
		Map<String, Object> model = new HashMap<>();
		model.put("subject", PlainText.oneLine(subject));
		model.put("heading", heading);
		model.put("intro", intro);
		model.put("sections", sections);
		model.put("footer", "You get this email because you set up " + ((alerts == 1) ? "a job alert" : "job alerts")
				+ " with " + PlainText.oneLine(this.settings.senderName()) + ".");
		return render("vacancies", model);
	}

	/** The template with the model and the service's name, for the header. */
	private EmailTemplates.Rendered render(String template, Map<String, Object> model) {
		Map<String, Object> withService = new HashMap<>(model);
		withService.put("service", PlainText.oneLine(this.settings.senderName()));
		return this.templates.render(template, withService);
	}

	private MimeMessage build(EmailKind kind, String key, String address, String subject, EmailTemplates.Rendered body,
			@Nullable String unsubscribeUrl) {
		MimeMessage message = new KeyedMimeMessage(this.mailSender.createMimeMessage().getSession(), messageIdOf(key));
		try {
			message.setFrom(new InternetAddress(this.settings.senderAddress(),
					PlainText.oneLine(this.settings.senderName()), StandardCharsets.UTF_8.name()));
			message.setRecipient(Message.RecipientType.TO, recipient(address));
			message.setSubject(PlainText.oneLine(subject), StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(this.clock.instant()));
			// RFC 2919 and RFC 3834: one list for the service; no auto-replies, please
			message.setHeader("List-Id", listId());
			message.setHeader("Auto-Submitted", "auto-generated");
			if (unsubscribeUrl != null) {
				// RFC 8058 one-click unsubscribe
				message.setHeader("List-Unsubscribe",
						"<" + PlainText.oneLine(unsubscribeUrl).replaceAll("[<>\\s]", "") + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			message.setContent(alternative(body));
			return this.dkim.sign(message);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException(
					"could not build the " + kind.name().toLowerCase(Locale.ROOT) + " email " + key, ex);
		}
	}

	private static InternetAddress recipient(String address) {
		try {
			return new InternetAddress(address, true);
		}
		catch (AddressException ex) {
			// not worth retrying: the dead-letter topic is the place for it
			throw new IllegalArgumentException("not an email address we can send to", ex);
		}
	}

	/** Plain text first: clients show the last part they can display. */
	private static MimeMultipart alternative(EmailTemplates.Rendered body) throws MessagingException {
		MimeBodyPart text = new MimeBodyPart();
		text.setText(body.text(), StandardCharsets.UTF_8.name());
		MimeBodyPart html = new MimeBodyPart();
		html.setText(body.html(), StandardCharsets.UTF_8.name(), "html");
		return new MimeMultipart("alternative", text, html);
	}

	/** {@code NHSJob Alerts <alerts.nhsjob.localhost>}: the sender name as the label. */
	private String listId() throws UnsupportedEncodingException {
		String name = MimeUtility.encodeText(PlainText.oneLine(this.settings.senderName()).replaceAll("[<>\"]", ""),
				StandardCharsets.UTF_8.name(), null);
		return name + " <" + this.settings.listId() + ">";
	}

	private String messageIdOf(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest) + "@" + this.settings.messageIdDomain() + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
