package uk.nhsjob.localstack.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailStoreTests {

	@TempDir
	Path folder;

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

	@Test
	void keepsEachDeliveryAsAFileUnderItsRecipientAndFindsThemAgainAfterARestart() throws Exception {
		MailStore store = new MailStore(this.folder, this.clock);
		StoredMail first = store.save("Sam@Example.test", message("first"));
		StoredMail second = store.save("alex@example.test", message("second"));

		assertThat(first.id()).isEqualTo("1772355600000-0000");
		assertThat(second.id()).isEqualTo("1772355600000-0001");
		assertThat(first.file()).isEqualTo(this.folder.resolve("sam@example.test/1772355600000-0000.eml"));
		assertThat(new String(first.raw(), StandardCharsets.UTF_8)).contains("Subject: first");
		assertThat(store.all()).extracting(StoredMail::id).containsExactly(second.id(), first.id());

		MailStore reopened = new MailStore(this.folder, this.clock);
		assertThat(reopened.all()).containsExactly(second, first);
		assertThat(reopened.find(first.id())).contains(first);
		assertThat(reopened.save("sam@example.test", message("third")).id()).isEqualTo("1772355600000-0002");
	}

	@Test
	void ignoresFilesItDidNotWriteWhole() throws Exception {
		Files.createDirectories(this.folder.resolve("sam@example.test"));
		Files.writeString(this.folder.resolve("sam@example.test/1772355600000-0000.eml.partial"), "half");
		Files.writeString(this.folder.resolve("sam@example.test/notes.txt"), "x");

		assertThat(new MailStore(this.folder, this.clock).all()).isEmpty();
	}

	@Test
	void namesARecipientsFolderSafely() {
		assertThat(MailStore.encode("sam@example.test")).isEqualTo("sam@example.test");
		assertThat(MailStore.encode("../x@example.test")).doesNotContain("/");
		assertThat(MailStore.decode(MailStore.encode("../x@example.test"))).isEqualTo("../x@example.test");
		assertThat(MailStore.encode("..")).isNotEqualTo("..").doesNotContain("/");
		assertThat(MailStore.decode(MailStore.encode("..")).strip()).isEqualTo("..");
	}

	private static MimeMessage message(String subject) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom("alerts@nhsjob.example");
		message.setSubject(subject);
		message.setText("Hello");
		message.saveChanges();
		return message;
	}

}
