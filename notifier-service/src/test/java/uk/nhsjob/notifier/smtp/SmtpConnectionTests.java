package uk.nhsjob.notifier.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import uk.nhsjob.testsupport.smtp.FaultySmtpServer;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Fault;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SmtpConnectionTests {

	private final FaultySmtpServer server = new FaultySmtpServer();

	private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

	SmtpConnectionTests() throws IOException {
		this.sender.setHost(this.server.host());
		this.sender.setPort(this.server.port());
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "2000");
		properties.setProperty("mail.smtp.timeout", "500");
		this.sender.setJavaMailProperties(properties);
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@Test
	void sendsABurstOnOneConnection() {
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			for (int n = 0; n < 25; n++) {
				smtp.send(message("candidate-" + n + "@example.org"));
			}
			assertThat(smtp.connectionsOpened()).isOne();
		}
		assertThat(this.server.accepted()).hasSize(25);
		assertThat(this.server.connections()).isOne();
	}

	@Test
	void aFourHundredIsWorthRetryingAndTheConnectionCarriesOn() {
		this.server.failNext("busy@example.org", Fault.BUSY);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class, () -> smtp.send(message("busy@example.org")));
			smtp.send(message("next@example.org"));

			assertThat(refusal.replyCode()).isEqualTo(451);
			assertThat(refusal.isPermanent()).isFalse();
			assertThat(refusal.getMessage()).startsWith("SMTP 451");
		}
		assertThat(this.server.acceptedFor("next@example.org")).hasSize(1);
		assertThat(this.server.connections()).isOne();
	}

	@Test
	void aFiveHundredForTheAddressIsPermanent() {
		this.server.failNext("gone@example.org", Fault.NO_SUCH_USER);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class, () -> smtp.send(message("gone@example.org")));

			assertThat(refusal.replyCode()).isEqualTo(550);
			assertThat(refusal.isPermanent()).isTrue();
		}
		assertThat(this.server.accepted()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			550 5.1.1 No such user                                | 550
			551 5.1.6 User has moved                              | 551
			553 5.1.3 Bad destination mailbox address syntax      | 553
			554 5.1.2 Bad destination system address              | 554
			""")
	void aPermanentRefusalOfTheRecipientAtRcptToRefusesTheRecipient(String reply, int code) {
		this.server.refuseNext("gone@example.org", reply);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class, () -> smtp.send(message("gone@example.org")));

			assertThat(refusal.replyCode()).isEqualTo(code);
			assertThat(refusal.stage()).isEqualTo(SmtpRefusal.Stage.RCPT_TO);
			assertThat(refusal.refusesTheRecipient()).isTrue();
			assertThat(refusal.reply()).isEqualTo(reply);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GREETING  |                  | 554 5.3.2 No SMTP service here           | 554 | CONNECTION
			MAIL_FROM |                  | 530 5.7.0 Must issue a STARTTLS command first | 530 | MAIL_FROM
			          | full@example.org | 552 5.2.2 Mailbox full                   | 552 | RCPT_TO
			          | nope@example.org | 554 5.7.1 Relay access denied            | 554 | RCPT_TO
			DATA      |                  | 554 5.6.0 Message refused                | 554 | DATA
			""")
	void anyOtherFiveHundredIsPermanentButRefusesNotTheRecipient(Stage stage, String recipient, String reply, int code,
			SmtpRefusal.Stage refusedAt) {
		if (stage != null) {
			this.server.refuseAt(stage, reply);
		}
		else {
			this.server.refuseNext(recipient, reply);
		}
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class,
					() -> smtp.send(message((recipient != null) ? recipient : "anyone@example.org")));

			assertThat(refusal.replyCode()).isEqualTo(code);
			assertThat(refusal.stage()).isEqualTo(refusedAt);
			assertThat(refusal.isPermanent()).isTrue();
			assertThat(refusal.refusesTheRecipient()).isFalse();
			assertThat(refusal.getMessage()).startsWith("SMTP " + code + " at ");
		}
	}

	@Test
	void aQuotedAddressIsLeftOutOfTheReply() {
		this.server.failNext("gone@example.org", Fault.UNKNOWN_QUOTED);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class, () -> smtp.send(message("gone@example.org")));

			assertThat(refusal.reply()).startsWith("550 5.1.1 <<address>>").doesNotContain("gone@example.org");
			assertThat(refusal.getMessage()).doesNotContain("gone@example.org");
		}
	}

	@Test
	void aStalledServerTimesOutAsWorthRetryingAndTheNextMessageGetsANewConnection() {
		this.server.failNext("stall@example.org", Fault.STALL);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class,
					() -> smtp.send(message("stall@example.org")));
			smtp.send(message("next@example.org"));

			assertThat(refusal.isPermanent()).isFalse();
			assertThat(refusal.replyCode()).isZero();
			assertThat(smtp.connectionsOpened()).isEqualTo(2);
		}
		assertThat(this.server.acceptedFor("next@example.org")).hasSize(1);
	}

	@Test
	void aDroppedConnectionIsWorthRetryingAndTheNextMessageReconnects() {
		this.server.failNext("drop@example.org", Fault.DROP);
		try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
			SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class, () -> smtp.send(message("drop@example.org")));
			smtp.send(message("next@example.org"));

			assertThat(refusal.isPermanent()).isFalse();
		}
		assertThat(this.server.acceptedFor("next@example.org")).hasSize(1);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void anUnreachableServerIsWorthRetrying() throws IOException {
		// a port bound but not listening refuses connections, and no other server can
		// take it meanwhile (a port just closed could be handed to one)
		try (Socket reserved = new Socket()) {
			reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			this.sender.setPort(reserved.getLocalPort());
			try (SmtpConnection smtp = new SmtpConnection(this.sender)) {
				SmtpRefusal refusal = catchThrowableOfType(SmtpRefusal.class,
						() -> smtp.send(message("anyone@example.org")));

				assertThat(refusal).isNotNull();
				assertThat(refusal.isPermanent()).isFalse();
			}
		}
	}

	private MimeMessage message(String to) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			message.setFrom(new InternetAddress("alerts@nhsjob.localhost"));
			message.setRecipients(MimeMessage.RecipientType.TO, to);
			message.setSubject("A job");
			message.setText("A job for you");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return message;
	}

}
