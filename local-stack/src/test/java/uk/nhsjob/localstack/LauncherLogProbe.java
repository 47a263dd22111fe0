package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.MailStore;

/**
 * What {@link LauncherLogTests} runs in a JVM of its own, the logging being set up once
 * per JVM: the launcher's log as {@code ./run-local.sh} sets it up, then the mail server
 * as the stack runs it, a message delivered to an address, read over IMAP with the
 * address as login and password, and delivered again from the store on a restart.
 * <p>
 * Arguments: the logs folder, the mail folder, the address.
 */
final class LauncherLogProbe {

	private static final String HOST = "127.0.0.1";

	private LauncherLogProbe() {
	}

	public static void main(String[] args) throws Exception {
		LauncherLog.configure(Path.of(args[0]));
		MailStore store = new MailStore(Path.of(args[1]));
		String address = args[2];
		try (MailServer mail = MailServer.start(HOST, 0, 0, store)) {
			send(mail.smtpPort(), address);
			System.out.println("read " + read(mail.imapPort(), address));
		}
		try (MailServer restarted = MailServer.start(HOST, 0, 0, new MailStore(Path.of(args[1])))) {
			System.out.println("restored " + restarted.restored());
		}
	}

	private static void send(int smtpPort, String address) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", HOST);
		properties.put("mail.smtp.port", String.valueOf(smtpPort));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@nhsjob.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
		message.setSubject("Confirm your job alert", "UTF-8");
		message.setText("https://localhost:8082/alerts/confirm?token=probe-token", "UTF-8");
		Transport.send(message);
	}

	private static int read(int imapPort, String address) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(HOST, imapPort, address, address);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			try {
				return inbox.getMessageCount();
			}
			finally {
				inbox.close(false);
			}
		}
		finally {
			store.close();
		}
	}

}
