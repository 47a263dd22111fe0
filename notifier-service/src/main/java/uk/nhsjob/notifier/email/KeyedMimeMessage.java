package uk.nhsjob.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID is given rather than generated when it is saved, so that
 * sending the same delivery again (after a crash mid-send) yields the same Message-ID,
 * which mail systems recognise as a duplicate.
 */
final class KeyedMimeMessage extends MimeMessage {

	private final String messageId;

	KeyedMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.messageId);
	}

}
