package uk.nhsjob.testsupport;

import java.io.IOException;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The parts of a received message as a reader sees them.
 */
public final class MailContent {

	private MailContent() {
	}

	/** The text/plain part, decoded. */
	public static String plainText(MimeMessage message) {
		return find(message, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
	}

	/** The text/html part, decoded. */
	public static String html(MimeMessage message) {
		return find(message, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A header's first value, unfolded; null when absent. */
	public static String header(MimeMessage message, String name) {
		try {
			String value = message.getHeader(name, null);
			return (value != null) ? value.replaceAll("\r?\n[ \t]", " ") : null;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<String> find(Part part, String mimeType) {
		try {
			if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return Optional.of((String) part.getContent());
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					Optional<String> found = find(child, mimeType);
					if (found.isPresent()) {
						return found;
					}
				}
			}
			return Optional.empty();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
