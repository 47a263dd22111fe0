package uk.nhsjob.localstack.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One message as delivered to one recipient, kept as an {@code .eml} file.
 *
 * @param id unique in the store, sortable by arrival
 * @param recipient the envelope recipient ({@code RCPT TO}) whose mailbox it went to
 * @param receivedAt when the SMTP server accepted it
 * @param file the raw message
 */
public record StoredMail(String id, String recipient, Instant receivedAt, Path file) {

	/** The raw message, headers and body, as it was received. */
	public byte[] raw() {
		try {
			return Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.file, ex);
		}
	}

}
