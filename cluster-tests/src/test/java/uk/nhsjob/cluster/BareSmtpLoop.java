package uk.nhsjob.cluster;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The baseline of the notifier's rate: a bare Jakarta Mail loop sending messages of an
 * alert email's shape on one reused connection to the same SMTP server, to addresses no
 * alert has (as the benchmarks module's {@code NotifierThroughput} does in-process).
 */
final class BareSmtpLoop {

	private BareSmtpLoop() {
	}

	/** Messages per second, from the first connection to the last server reply. */
	static double rate(String host, int port, int messages) throws MessagingException {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", host);
		properties.setProperty("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		long start = System.nanoTime();
		Transport transport = session.getTransport("smtp");
		transport.connect();
		try {
			for (int n = 0; n < messages; n++) {
				MimeMessage message = message(session, "baseline-" + n + "@load-run.invalid", n);
				transport.sendMessage(message, message.getAllRecipients());
			}
		}
		finally {
			transport.close();
		}
		return messages / (Math.max(1, System.nanoTime() - start) / 1e9);
	}

	private static MimeMessage message(Session session, String to, int n) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alerts@nhsjob.localhost"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject("1 new medical secretary job within 10 miles of LS6", "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Medical Secretary " + n + "\nhttps://jobs.example.nhs.uk/" + n, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Medical Secretary " + n + "</p>", "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		return message;
	}

}
