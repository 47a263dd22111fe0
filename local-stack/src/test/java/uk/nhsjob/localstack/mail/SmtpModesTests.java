package uk.nhsjob.localstack.mail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP port's modes, with Jakarta Mail as the services send: a server that is away
 * ({@code 421} at the greeting, and at the next command of a connection already open),
 * one that refuses at {@code DATA} ({@code 554}, nothing kept), and one that takes mail
 * again after either.
 */
class SmtpModesTests {

	private static final String HOST = "127.0.0.1";

	private static final String RECIPIENT = "sam.modes@example.test";

	@TempDir
	Path folder;

	private MailStore store;

	private MailServer mail;

	private Session session;

	@BeforeEach
	void start() {
		this.store = new MailStore(this.folder);
		this.mail = MailServer.start(HOST, 0, 0, this.store);
		Properties properties = new Properties();
		properties.put("mail.smtp.host", HOST);
		properties.put("mail.smtp.port", String.valueOf(this.mail.smtpPort()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		this.session = Session.getInstance(properties);
	}

	@AfterEach
	void stop() {
		this.mail.close();
	}

	@Test
	void anUnavailableServerGreetsWith421AndKeepsNothingThenTakesMailAgain() throws Exception {
		this.mail.setSmtpMode(SmtpMode.UNAVAILABLE);

		assertThatExceptionOfType(MessagingException.class).isThrownBy(() -> Transport.send(message("away")))
			.withMessageContaining("421");
		assertThat(this.mail.smtpMode()).isEqualTo(SmtpMode.UNAVAILABLE);

		this.mail.setSmtpMode(SmtpMode.ACCEPT);
		Transport.send(message("back"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.all().size() == 1);
		assertThat(subjectOf(this.store.all().get(0))).contains("Subject: back");
	}

	@Test
	void refusesAtDataWith554AndKeepsNothingThenTakesMailAgain() throws Exception {
		this.mail.setSmtpMode(SmtpMode.REFUSE_DATA);

		assertThatExceptionOfType(MessagingException.class).isThrownBy(() -> Transport.send(message("refused")))
			.withMessageContaining("554 5.6.0 Message refused");
		assertThat(this.store.all()).isEmpty();

		this.mail.setSmtpMode(SmtpMode.ACCEPT);
		Transport.send(message("taken"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.all().size() == 1);
		assertThat(subjectOf(this.store.all().get(0))).contains("Subject: taken");
		assertThat(this.store.all().get(0).recipient()).isEqualTo(RECIPIENT);
	}

	@Test
	void aConnectionAlreadyOpenMeetsTheNewModeAtItsNextCommand() throws Exception {
		try (Transport transport = this.session.getTransport("smtp")) {
			transport.connect();
			MimeMessage first = message("first");
			transport.sendMessage(first, first.getAllRecipients());

			this.mail.setSmtpMode(SmtpMode.REFUSE_DATA);
			MimeMessage refused = message("refused");
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> transport.sendMessage(refused, refused.getAllRecipients()))
				.withMessageContaining("554");

			this.mail.setSmtpMode(SmtpMode.ACCEPT);
			MimeMessage again = message("again");
			transport.sendMessage(again, again.getAllRecipients());

		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.all().size() == 2);
		assertThat(this.store.all()).extracting(SmtpModesTests::subjectOf)
			.anyMatch((text) -> text.contains("Subject: first"))
			.anyMatch((text) -> text.contains("Subject: again"));
	}

	@Test
	void aConnectionAlreadyOpenIsAnswered421AndClosedAtItsNextCommandWhileUnavailable() throws Exception {
		try (Socket socket = new Socket(HOST, this.mail.smtpPort())) {
			socket.setSoTimeout(5000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
			assertThat(reply(in)).startsWith("220");
			out.write("EHLO client.test\r\n");
			out.flush();
			assertThat(reply(in)).startsWith("250");

			this.mail.setSmtpMode(SmtpMode.UNAVAILABLE);
			out.write("MAIL FROM:<alerts@nhsjob.example>\r\n");
			out.flush();

			assertThat(in.readLine()).isEqualTo("421 4.3.2 Service not available, try again later");
			assertThat(in.readLine()).as("the connection is closed").isNull();
		}
	}

	@Test
	void relaysALargeMessageWithDotsAtTheStartOfLinesAsItWasSent() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			body.append(".line ").append(i).append(" of a long message\r\n");
		}
		MimeMessage large = message("large");
		large.setText(body.toString(), "UTF-8");

		Transport.send(large);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.all().size() == 1);
		assertThat(subjectOf(this.store.all().get(0))).contains(".line 0 of a long message")
			.contains(".line 4999 of a long message");
	}

	/** The last line of a reply that may have several. */
	private static String reply(BufferedReader in) throws Exception {
		String line = in.readLine();
		while (line != null && line.length() > 3 && line.charAt(3) == '-') {
			line = in.readLine();
		}
		return line;
	}

	private MimeMessage message(String subject) throws Exception {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress("alerts@nhsjob.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(RECIPIENT));
		message.setSubject(subject, "UTF-8");
		message.setText("A job for you", "UTF-8");
		return message;
	}

	private static String subjectOf(StoredMail mail) {
		return new String(mail.raw(), StandardCharsets.UTF_8);
	}

}
