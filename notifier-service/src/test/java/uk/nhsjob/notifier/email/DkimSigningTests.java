package uk.nhsjob.notifier.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.notifier.NotifierSettings;
import uk.nhsjob.notifier.email.AlertMailerTests.CapturingMailSender;
import uk.nhsjob.testsupport.MailContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DkimSigningTests {

	private static final NotifierSettings SETTINGS = new NotifierSettings("alerts@nhsjob.localhost", "NHSJob Alerts",
			Duration.ofSeconds(30), "nhsjob.alerts", "alerts.nhsjob.localhost");

	private final Addressee addressee = new Addressee("sam@example.org",
			"medical secretary jobs within 10 miles of LS6", "https://alerts.test/manage?token=m",
			"https://alerts.test/unsubscribe?token=u");

	@TempDir
	Path dir;

	@Test
	void signsOverTheUnsubscribeHeadersAndKeepsTheKeyedMessageId() throws Exception {
		DkimSigning dkim = new DkimSigning(new DkimSettings("nhsjob.example", "alerts2026", pemKey()));

		MimeMessage signed = received(send(dkim));
		MimeMessage unsigned = received(send(DkimSigning.NONE));

		String signature = signed.getHeader("DKIM-Signature")[0].replaceAll("\\s+", "");
		assertThat(signature).contains("d=nhsjob.example", "s=alerts2026", "bh=", "b=");
		String signedHeaders = signature.replaceAll(".*;h=([^;]*).*", "$1").toLowerCase(Locale.ROOT);
		assertThat(signedHeaders.split(":")).contains("from", "subject", "message-id", "list-unsubscribe",
				"list-unsubscribe-post");
		assertThat(signed.getMessageID()).isEqualTo(unsigned.getMessageID());
		assertThat(signed.getHeader("List-Unsubscribe")).containsExactly("<https://alerts.test/unsubscribe?token=u>");
		assertThat(MailContent.plainText(signed)).contains("Vacancy 1");
		assertThat(MailContent.html(signed)).contains("Vacancy 1");
	}

	@Test
	void theSignatureVerifiesWithThePublicKeyOverTheUnsubscribeHeadersAndBreaksWhenOneIsChanged() throws Exception {
		KeyPair keys = keyPair();
		DkimSigning dkim = new DkimSigning(new DkimSettings("nhsjob.example", "alerts2026", pem(keys)));

		byte[] raw = bytesOf(send(dkim));

		Map<String, String> tags = DkimVerifier.tags(raw);
		assertThat(tags.get("h").toLowerCase(Locale.ROOT).split(":")).contains("list-unsubscribe",
				"list-unsubscribe-post", "from", "subject", "message-id");
		assertThat(DkimVerifier.verifies(raw, keys.getPublic())).as("verifies with the signer's public key").isTrue();
		assertThat(DkimVerifier.verifies(raw, keyPair().getPublic())).as("verifies with another key").isFalse();
		byte[] redirected = new String(raw, StandardCharsets.UTF_8)
			.replace("List-Unsubscribe: <https://alerts.test/", "List-Unsubscribe: <https://evil.test/")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(DkimVerifier.verifies(redirected, keys.getPublic())).as("verifies with List-Unsubscribe changed")
			.isFalse();
	}

	@Test
	void signsNothingWithoutAKey() throws Exception {
		assertThat(received(send(new DkimSigning(new DkimSettings(null, null, null)))).getHeader("DKIM-Signature"))
			.isNull();
	}

	@Test
	void refusesToStartWithAKeyItCannotRead() {
		assertThatIllegalStateException().isThrownBy(
				() -> new DkimSigning(new DkimSettings("nhsjob.example", "s", this.dir.resolve("missing.pem"))));
	}

	private MimeMessage send(DkimSigning dkim) {
		CapturingMailSender sender = new CapturingMailSender();
		sender.send(new AlertMailer(sender, new EmailTemplates(), SETTINGS, dkim,
				Clock.fixed(Instant.parse("2028-03-27T06:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry())
			.matchesEmail("alert-1/email/1", this.addressee, List.of(vacancy())));
		return sender.sent.get(0);
	}

	/** The message as the SMTP server receives it. */
	private static MimeMessage received(MimeMessage sent) throws Exception {
		return new MimeMessage(Session.getInstance(new java.util.Properties()),
				new ByteArrayInputStream(bytesOf(sent)));
	}

	/**
	 * The bytes as the SMTP server receives them: the SMTP transport turns every line end
	 * into CRLF on the way (RFC 5321 §2.3.8), which is what a receiver verifies.
	 */
	private static byte[] bytesOf(MimeMessage sent) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		sent.writeTo(new CRLFOutputStream(bytes));
		return bytes.toByteArray();
	}

	private Path pemKey() throws Exception {
		return pem(keyPair());
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private Path pem(KeyPair keys) throws Exception {
		byte[] der = keys.getPrivate().getEncoded();
		Path pem = this.dir.resolve("dkim-" + System.nanoTime() + ".pem");
		Files.writeString(pem,
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
						+ "\n-----END PRIVATE KEY-----\n");
		return pem;
	}

	private static MatchedVacancy vacancy() {
		return new MatchedVacancy("trust:1", 1, "Vacancy 1", "Leeds Teaching Hospitals NHS Trust", Band.BAND_4, null,
				null, null, null, null, List.of(), "Leeds", null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), "https://jobs.example.nhs.uk/1");
	}

}
