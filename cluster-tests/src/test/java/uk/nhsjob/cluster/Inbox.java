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
import java.util.function.Supplier;
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
 * apply links), its Message-ID, who received it, and when it arrived. A thread reads the
 * store every second: the in-JVM server's, or the local stack's folder
 * ({@link MailFolder}).
 */
final class Inbox implements AutoCloseable {

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/confirm\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern MANAGE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/manage\\?token=([A-Za-z0-9_.=-]+)");

	private static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/unsubscribe\\?token=([A-Za-z0-9_.=-]+)");

	/** Every token of a combined unsubscribe link ({@code ?token=A&token=B}). */
	private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_.=-]+)");

	private static final Pattern APPLY_LINK = Pattern.compile("https://jobs\\.example\\.org/([a-z0-9-]+)/([A-Z0-9]+)");

	/**
	 * The heading of a digest's closing-soon section (docs/emails.md, "Closing soon").
	 */
	private static final Pattern CLOSING_SOON = Pattern.compile("(?m)^Closing soon\\R\\RJobs we sent you before");

	private static final Pattern WELCOME_TOTAL = Pattern.compile("^Your job alert is on: (\\d+) ");

	/** The subject of an email of new matches counts them, those not listed too. */
	private static final Pattern MATCHES_TOTAL = Pattern.compile("^(\\d+) new jobs?\\b");

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
	 * @param alertIds every alert of its {@code List-Unsubscribe} link: an email of
	 * several alerts of one address carries the token of each (docs/emails.md, "One email
	 * per person")
	 */
	record Mail(Kind kind, String address, @Nullable String alertId, String messageId, String subject,
			Set<String> vacancyIds, int total, @Nullable String token, @Nullable String unsubscribeToken,
			Instant seenAt, Set<String> remindedIds, Set<String> alertIds) {
	}

	/**
	 * A message as the server delivered it.
	 *
	 * @param recipient the envelope recipient whose mailbox it went to, or null when only
	 * the message's {@code To} header says
	 * @param arrivedAt when it arrived, or when it was first seen where the store does
	 * not say
	 */
	record Delivery(MimeMessage message, @Nullable String recipient, Instant arrivedAt) {
	}

	private final Supplier<List<Delivery>> source;

	private final List<Mail> mails = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();

	/** Every email the in-JVM server has received. */
	Inbox(GreenMail smtp) {
		this(fromServer(smtp));
	}

	/**
	 * Every email a source gives, read every second.
	 * @param source each call gives the deliveries it has not given before
	 */
	Inbox(Supplier<List<Delivery>> source) {
		this.source = source;
		this.reader.scheduleWithFixedDelay(this::readNew, 0, 1, TimeUnit.SECONDS);
	}

	private synchronized void readNew() {
		try {
			for (Delivery delivery : this.source.get()) {
				this.mails.add(read(delivery));
			}
		}
		catch (RuntimeException ex) {
			// read again at the next turn: the reader thread must not end
			System.err.println("Reading the mail: " + ex);
		}
	}

	/**
	 * The server lists its messages mailbox by mailbox, not in the order they arrived, so
	 * a message is known by its recipient and Message-ID, and a second copy of one (RFC
	 * 1047's duplicate) by their count; it is dated when first seen.
	 */
	private static Supplier<List<Delivery>> fromServer(GreenMail smtp) {
		Map<String, Integer> seen = new HashMap<>();
		return () -> {
			Instant now = Instant.now();
			Map<String, Integer> copies = new HashMap<>();
			List<Delivery> fresh = new ArrayList<>();
			for (MimeMessage message : smtp.getReceivedMessages()) {
				String key = key(message);
				int copy = copies.merge(key, 1, Integer::sum);
				if (copy > seen.getOrDefault(key, 0)) {
					seen.put(key, copy);
					fresh.add(new Delivery(message, null, now));
				}
			}
			return fresh;
		};
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

	private static Mail read(Delivery delivery) {
		MimeMessage message = delivery.message();
		Instant seenAt = delivery.arrivedAt();
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
			Matcher total = ((kind == Kind.MATCHES) ? MATCHES_TOTAL : WELCOME_TOTAL).matcher(subject);
			int stated = total.find() ? Integer.parseInt(total.group(1)) : vacancies.size();
			String recipient = (delivery.recipient() != null) ? delivery.recipient() : recipient(message);
			Set<String> alertIds = new LinkedHashSet<>();
			if (unsubscribe != null && kind == Kind.MATCHES) {
				Matcher tokens = TOKEN.matcher(unsubscribe);
				while (tokens.find()) {
					alertIds.add(alertIdOf(tokens.group(1)));
				}
			}
			return new Mail(kind, recipient, (alertToken != null) ? alertIdOf(alertToken) : null,
					String.valueOf(message.getMessageID()), subject, vacancies, stated, token, unsubscribeToken, seenAt,
					reminded, alertIds);
		}
		catch (MessagingException | RuntimeException ex) {
			// unreadable: what it should have listed shows as missing in the tally
			return new Mail(Kind.OTHER, "", null, "", String.valueOf(ex), Set.of(), 0, null, null, seenAt, Set.of(),
					Set.of());
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
