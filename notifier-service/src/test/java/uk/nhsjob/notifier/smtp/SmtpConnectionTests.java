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

import org.springframework.mail.javamail.JavaMailSenderImpl;

import uk.nhsjob.testsupport.smtp.FaultySmtpServer;
import uk.nhsjob.testsupport.smtp.FaultySmtpServer.Fault;

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
