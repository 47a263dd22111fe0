package uk.nhsjob.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailFolderTests {

	@TempDir
	Path folder;

	@Test
	void eachMessageFileIsOneDeliveryToItsFoldersRecipientDatedByItsName() throws IOException {
		write("sam%2Bjobs@example.org", "1796455816314-0042.eml", "<a@nhsjob.alerts>");
		write("sam%2Bjobs@example.org", "1796455816999-0043.eml.partial", "<b@nhsjob.alerts>");
		MailFolder mail = new MailFolder(this.folder);

		List<Inbox.Delivery> deliveries = mail.get();

		assertThat(deliveries).singleElement().satisfies((delivery) -> {
			assertThat(delivery.recipient()).isEqualTo("sam+jobs@example.org");
			assertThat(delivery.arrivedAt()).isEqualTo(Instant.ofEpochMilli(1796455816314L));
			assertThat(delivery.message().getMessageID()).isEqualTo("<a@nhsjob.alerts>");
		});
		assertThat(mail.get()).as("read once").isEmpty();
		write("kim@example.org", "1796455817000-0044.eml", "<c@nhsjob.alerts>");
		assertThat(mail.get()).extracting(Inbox.Delivery::recipient).containsExactly("kim@example.org");
	}

	private void write(String recipient, String name, String messageId) throws IOException {
		Path recipientFolder = Files.createDirectories(this.folder.resolve(recipient));
		Files.writeString(recipientFolder.resolve(name), """
				Message-ID: %s\r
				From: alerts@nhsjob.localhost\r
				To: someone@example.org\r
				Subject: 1 new job\r
				\r
				Hello\r
				""".formatted(messageId), StandardCharsets.UTF_8);
	}

}
