package uk.nhsjob.notifier.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open across a batch of emails, so a burst does not open a
 * connection per message. Opened on the first send; after a failure that broke it, the
 * next send opens a new one. Not thread-safe: one per lane of a sending round.
 */
public final class SmtpConnection implements AutoCloseable {

	private final JavaMailSenderImpl sender;

	private @Nullable Transport transport;

	private int opened;

	public SmtpConnection(JavaMailSenderImpl sender) {
		this.sender = sender;
	}

	/**
	 * Sends the message; returns once the server has accepted it (its 250 after DATA).
	 * @throws SmtpRefusal when the server refused it or could not be reached
	 */
	public void send(MimeMessage message) {
		try {
			message.saveChanges();
			transport().sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			if (this.transport != null && !this.transport.isConnected()) {
				close();
			}
			throw SmtpRefusal.of(ex);
		}
	}

	/** How many connections this has opened: one, unless one broke. */
	public int connectionsOpened() {
		return this.opened;
	}

	/**
	 * The open connection, or a new one. Not checked with {@code isConnected()} before
	 * each message: for SMTP that sends a NOOP, a round trip per message; a connection
	 * that broke fails its message, which {@link #send} then closes.
	 */
	private Transport transport() throws MessagingException {
		if (this.transport == null) {
			String protocol = this.sender.getProtocol();
			Transport fresh = this.sender.getSession().getTransport((protocol != null) ? protocol : "smtp");
			fresh.connect(this.sender.getHost(), this.sender.getPort(), this.sender.getUsername(),
					this.sender.getPassword());
			this.transport = fresh;
			this.opened++;
		}
		return this.transport;
	}

	@Override
	public void close() {
		Transport open = this.transport;
		this.transport = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (MessagingException ex) {
				// the connection is gone either way
			}
		}
	}

}
