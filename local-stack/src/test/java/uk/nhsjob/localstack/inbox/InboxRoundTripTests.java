package uk.nhsjob.localstack.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.MailStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail catcher and the web inbox together, on free ports: a multipart message sent
 * over SMTP can be read in the inbox and over IMAP, with the address as user name and
 * password, also after a restart.
 */
class InboxRoundTripTests {

	private static final String HOST = "127.0.0.1";

	private static final String RECIPIENT = "sam.round-trip@example.test";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path mailFolder;

	@Test
	void aMessageSentOverSmtpCanBeReadInTheInboxAndOverImap() throws Exception {
		MailStore store = new MailStore(this.mailFolder);
		try (MailServer mail = MailServer.start(HOST, 0, 0, store);
				InboxServer inbox = InboxServer.start(HOST, 0, store)) {
			send(mail.smtpPort(), "Your alert: 2 new jobs <Leeds>");

			await().atMost(Duration.ofSeconds(10)).until(() -> !store.all().isEmpty());
			String list = get(inbox.port(), "/").body();
			assertThat(list).contains("Your alert: 2 new jobs &lt;Leeds&gt;").contains(RECIPIENT);
			Matcher link = Pattern.compile("href=\"(/messages/[0-9-]+)\"").matcher(list);
			assertThat(link.find()).isTrue();

			HttpResponse<String> message = get(inbox.port(), link.group(1));
			assertThat(message.statusCode()).isEqualTo(200);
			assertThat(message.headers().firstValue("Content-Security-Policy")).isPresent();
			assertThat(message.body()).contains("sandbox=\"" + InboxPages.SANDBOX + "\"")
				.contains("&lt;h1&gt;Medical Secretary to Consultant Cardiologist&lt;/h1&gt;")
				.contains("<pre>Medical Secretary to Consultant Cardiologist, Leeds</pre>");
			assertThat(get(inbox.port(), link.group(1) + "/raw").body()).contains("Subject: ")
				.contains("multipart/alternative");
			assertThat(get(inbox.port(), "/messages/0000000000000-0000").statusCode()).isEqualTo(404);

			assertThat(imapSubjects(mail.imapPort())).containsExactly("Your alert: 2 new jobs <Leeds>");
		}

		try (MailServer restarted = MailServer.start(HOST, 0, 0, new MailStore(this.mailFolder))) {
			assertThat(restarted.restored()).isEqualTo(1);
			assertThat(imapSubjects(restarted.imapPort())).containsExactly("Your alert: 2 new jobs <Leeds>");
		}
	}

	private static void send(int smtpPort, String subject) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", HOST);
		properties.put("mail.smtp.port", String.valueOf(smtpPort));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alerts@nhsjob.example", "NHSJob Alerts"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(RECIPIENT));
		message.setSubject(subject, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Medical Secretary to Consultant Cardiologist, Leeds", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<h1>Medical Secretary to Consultant Cardiologist</h1><script>alert(1)</script>",
				"text/html; charset=UTF-8");
		Multipart alternative = new MimeMultipart("alternative", text, html);
		message.setContent(alternative);
		Transport.send(message);
	}

	private static List<String> imapSubjects(int imapPort) throws Exception {
		Session session = Session.getInstance(new Properties());
		Store store = session.getStore("imap");
		store.connect(HOST, imapPort, RECIPIENT, RECIPIENT);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			try {
				List<String> subjects = new ArrayList<>();
				for (Message message : inbox.getMessages()) {
					subjects.add(message.getSubject());
				}
				return subjects;
			}
			finally {
				inbox.close(false);
			}
		}
		finally {
			store.close();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
