package uk.nhsjob.localstack.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail's SMTP server (no authentication) and IMAP server. A recipient's mailbox is
 * made on first delivery with the address as both login and password. Every delivery is
 * also written to the {@link MailStore}, and what the store holds is delivered again on
 * start, so mailboxes survive a restart.
 * <p>
 * Clients reach GreenMail's SMTP server (on a free loopback port of its own) through an
 * {@link SmtpFront} on the SMTP port, which can play a server that is away or refuses
 * mail ({@link #setSmtpMode}).
 */
public final class MailServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MailServer.class);

	private final GreenMail greenMail;

	private final SmtpFront front;

	private final int restored;

	private MailServer(GreenMail greenMail, SmtpFront front, int restored) {
		this.greenMail = greenMail;
		this.front = front;
		this.restored = restored;
	}

	/**
	 * Starts both servers and delivers the kept messages again.
	 * @param smtpPort the SMTP port, or 0 for a free one
	 * @param imapPort the IMAP port, or 0 for a free one
	 */
	public static MailServer start(String host, int smtpPort, int imapPort, MailStore store) {
		GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(0, host, ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP) })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		try {
			greenMail.start();
		}
		catch (RuntimeException ex) {
			greenMail.stop();
			throw new IllegalStateException("Cannot start the mail server on " + host + " (SMTP " + smtpPort + ", IMAP "
					+ imapPort + "): " + ex.getMessage(), ex);
		}
		UserManager users = greenMail.getUserManager();
		int restored = restore(users, store);
		MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, recipient) -> {
			GreenMailUser user = deliver.handle(message, recipient);
			store.save(recipient.getEmail(), message.getMessage());
			return user;
		});
		SmtpFront front;
		try {
			front = SmtpFront.start(host, smtpPort, host, greenMail.getSmtp().getPort());
		}
		catch (RuntimeException ex) {
			greenMail.stop();
			throw new IllegalStateException(
					"Cannot start the mail server on " + host + " (SMTP " + smtpPort + "): " + ex.getMessage(), ex);
		}
		return new MailServer(greenMail, front, restored);
	}

	private static int restore(UserManager users, MailStore store) {
		Session session = Session.getInstance(new Properties());
		int restored = 0;
		// oldest first, so that each mailbox's order is the order of arrival
		List<StoredMail> oldestFirst = new ArrayList<>(store.all());
		Collections.reverse(oldestFirst);
		for (StoredMail mail : oldestFirst) {
			try (InputStream raw = Files.newInputStream(mail.file())) {
				mailbox(users, mail.recipient()).deliver(new MimeMessage(session, raw));
				restored++;
			}
			catch (IOException | MessagingException | UserException | RuntimeException ex) {
				// the file's folder is named after the recipient, and the exception's
				// message may quote the path: neither goes into the log
				logger.warn("Cannot deliver the kept message {} again ({}); the inbox still shows it",
						mail.file().getFileName(), ex.getClass().getName());
			}
		}
		return restored;
	}

	private static GreenMailUser mailbox(UserManager users, String address) throws UserException {
		GreenMailUser user = users.getUserByEmail(address);
		// as GreenMail does on a first delivery: the address is login and password
		return (user != null) ? user : users.createUser(address, address, address);
	}

	/** The SMTP port clients send to. */
	public int smtpPort() {
		return this.front.port();
	}

	public SmtpMode smtpMode() {
		return this.front.mode();
	}

	/**
	 * How the SMTP port answers from now on: a new connection at once, one already open
	 * at its next command.
	 */
	public void setSmtpMode(SmtpMode mode) {
		this.front.setMode(mode);
	}

	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	/** How many kept messages were delivered again on start. */
	public int restored() {
		return this.restored;
	}

	@Override
	public void close() {
		this.front.close();
		this.greenMail.stop();
	}

}
