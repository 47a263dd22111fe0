package uk.nhsjob.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.testsupport.MailContent;

/**
 * Every email the SMTP server has received, read as the workload needs it: which alert it
 * is for (from the token in its links), what kind it is, the vacancies it lists (by their
 * apply links), its Message-ID, and when this test first saw it in the server's store. A
 * thread reads the store every quarter of a second.
 */
final class Inbox implements AutoCloseable {

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/confirm\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern MANAGE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/manage\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/unsubscribe\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern APPLY_LINK = Pattern.compile("https://jobs\\.example\\.org/([a-z0-9-]+)/([A-Z0-9]+)");

	/**
	 * The heading of a digest's closing-soon section (docs/emails.md, "Closing soon").
	 */
	private static final Pattern CLOSING_SOON = Pattern.compile("(?m)^Closing soon\\R\\RJobs we sent you before");

	private static final Pattern WELCOME_TOTAL = Pattern.compile("^Your job alert is on: (\\d+) ");

	enum Kind {

		CONFIRMATION, WELCOME, MATCHES, OTHER

	}

	/**
	 * One email.
	 *
	 * @param alertId the alert its links are for; null for an email about an address
	 * @param token its confirm token (a confirmation) or manage token (others)
	 * @param unsubscribeToken the token of its {@code List-Unsubscribe} link
	 * @param remindedIds the vacancies of a digest's closing-soon section: reminders of
	 * vacancies sent before, not among {@code vacancyIds}
	 */
	record Mail(Kind kind, String address, @Nullable String alertId, String messageId, String subject,
			Set<String> vacancyIds, int total, @Nullable String token, @Nullable String unsubscribeToken,
			Instant seenAt, Set<String> remindedIds) {
	}

	private final GreenMail smtp;

	private final List<Mail> mails = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();

	Inbox(GreenMail smtp) {
		this.smtp = smtp;
		this.reader.scheduleWithFixedDelay(this::readNew, 0, 1, TimeUnit.SECONDS);
	}

	/**
	 * Reads what arrived since the last time. The server lists its messages mailbox by
	 * mailbox, not in the order they arrived, so a message is known by its recipient and
	 * Message-ID, and a second copy of one (RFC 1047's duplicate) by their count.
	 */
	private synchronized void readNew() {
		Instant now = Instant.now();
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			String key = key(message);
			int copy = copies.merge(key, 1, Integer::sum);
			if (copy > this.seen.getOrDefault(key, 0)) {
				this.seen.put(key, copy);
				this.mails.add(read(message, now));
			}
		}
	}

	private static String key(MimeMessage message) {
		try {
			return recipient(message) + " " + message.getMessageID();
		}
		catch (MessagingException ex) {
			return "unreadable";
		}
	}

	List<Mail> mails() {
		readNew();
		return List.copyOf(this.mails);
	}

	Optional<Mail> latest(Kind kind, String alertId) {
		List<Mail> found = mails().stream()
			.filter((mail) -> mail.kind() == kind && alertId.equals(mail.alertId()))
			.toList();
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
	}

	private static Mail read(MimeMessage message, Instant seenAt) {
		try {
			String subject = MailContent.subject(message);
			String text = MailContent.plainText(message);
			String unsubscribe = MailContent.header(message, "List-Unsubscribe");
			String unsubscribeToken = group(UNSUBSCRIBE_LINK, unsubscribe);
			Kind kind;
			String token;
			if (subject.startsWith("Confirm your job alert")) {
				kind = Kind.CONFIRMATION;
				token = group(CONFIRM_LINK, text);
			}
			else {
				token = group(MANAGE_LINK, text);
				kind = subject.startsWith("Your job alert is on") ? Kind.WELCOME
						: (unsubscribeToken != null) ? Kind.MATCHES : Kind.OTHER;
			}
			String alertToken = (kind == Kind.CONFIRMATION) ? token : unsubscribeToken;
			Matcher closingSoon = CLOSING_SOON.matcher(text);
			int reminders = closingSoon.find() ? closingSoon.start() : text.length();
			Set<String> vacancies = vacancyIds(text.substring(0, reminders));
			Set<String> reminded = vacancyIds(text.substring(reminders));
			Matcher total = WELCOME_TOTAL.matcher(subject);
			int stated = total.find() ? Integer.parseInt(total.group(1)) : vacancies.size();
			return new Mail(kind, recipient(message), (alertToken != null) ? alertIdOf(alertToken) : null,
					String.valueOf(message.getMessageID()), subject, vacancies, stated, token, unsubscribeToken, seenAt,
					reminded);
		}
		catch (MessagingException | RuntimeException ex) {
			// unreadable: what it should have listed shows as missing in the tally
			return new Mail(Kind.OTHER, "", null, "", String.valueOf(ex), Set.of(), 0, null, null, seenAt, Set.of());
		}
	}

	/** The vacancies of the apply links in the text. */
	private static Set<String> vacancyIds(String text) {
		Set<String> vacancies = new LinkedHashSet<>();
		Matcher links = APPLY_LINK.matcher(text);
		while (links.find()) {
			vacancies.add(links.group(1) + ":" + links.group(2));
		}
		return vacancies;
	}

	/**
	 * The alert id a link token carries in the clear:
	 * {@code base64url(alertId.version.expiry)} before the dot (docs/alerts.md, "Links");
	 * the test never checks its signature.
	 */
	static String alertIdOf(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
		int expiry = payload.lastIndexOf('.');
		return payload.substring(0, payload.lastIndexOf('.', expiry - 1));
	}

	private static @Nullable String group(Pattern pattern, @Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String recipient(MimeMessage message) throws MessagingException {
		Address[] to = message.getRecipients(Message.RecipientType.TO);
		List<String> addresses = new ArrayList<>();
		if (to != null) {
			for (Address address : to) {
				addresses.add(address.toString().toLowerCase());
			}
		}
		return String.join(",", addresses);
	}

	@Override
	public void close() {
		this.reader.shutdownNow();
	}

}
