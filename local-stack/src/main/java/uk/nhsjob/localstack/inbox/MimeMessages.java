package uk.nhsjob.localstack.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.localstack.mail.StoredMail;

/** Reads a kept message into what the inbox shows: headers, the HTML and text parts. */
final class MimeMessages {

	private static final Session SESSION = Session.getInstance(new Properties());

	private MimeMessages() {
	}

	static MessageView read(StoredMail mail) {
		return read(mail, mail.raw());
	}

	static MessageView read(StoredMail mail, byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			Parts parts = new Parts();
			parts.collect(message);
			Date sent = message.getSentDate();
			return new MessageView(mail.id(), mail.recipient(), mail.receivedAt(),
					(sent != null) ? sent.toInstant() : null, header(message, "From"), header(message, "To"),
					subject(message), parts.html, parts.text, List.copyOf(parts.attachments));
		}
		catch (MessagingException | IOException ex) {
			return new MessageView(mail.id(), mail.recipient(), mail.receivedAt(), null, "", "",
					"(unreadable message: " + ex.getMessage() + ")", null, null, List.of());
		}
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String value = message.getHeader(name, ", ");
		if (value == null) {
			return "";
		}
		String unfolded = MimeUtility.unfold(value);
		try {
			return MimeUtility.decodeText(unfolded);
		}
		catch (UnsupportedEncodingException ex) {
			return unfolded;
		}
	}

	private static String subject(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return (subject != null) ? subject : "";
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	/**
	 * The first HTML and plain-text parts that are not attachments, and the rest's names.
	 */
	private static final class Parts {

		@Nullable String html;

		@Nullable String text;

		final List<String> attachments = new ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
				return;
			}
			boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
			if (!attached && this.html == null && part.isMimeType("text/html")) {
				this.html = text(part);
			}
			else if (!attached && this.text == null && part.isMimeType("text/plain")) {
				this.text = text(part);
			}
			else {
				String name = part.getFileName();
				this.attachments.add(((name != null) ? name : "(unnamed)") + " (" + part.getContentType() + ")");
			}
		}

		private static String text(Part part) throws MessagingException, IOException {
			try {
				return String.valueOf(part.getContent());
			}
			catch (UnsupportedEncodingException ex) {
				// an unknown charset: show the decoded bytes as UTF-8 rather than nothing
				try (InputStream in = part.getInputStream()) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}

	}

}
