package uk.nhsjob.localstack.inbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the inbox shows of one kept message; text exactly as decoded from the message, not
 * yet escaped.
 *
 * @param id the message's id in the mail store
 * @param recipient the mailbox it was delivered to
 * @param receivedAt when the SMTP server accepted it
 * @param sentAt its {@code Date} header, when it has one
 * @param from its {@code From} header
 * @param to its {@code To} header
 * @param subject its subject
 * @param html its first HTML part
 * @param text its first plain-text part
 * @param attachments the file names of its other parts
 */
record MessageView(String id, String recipient, Instant receivedAt, @Nullable Instant sentAt, String from, String to,
		String subject, @Nullable String html, @Nullable String text, List<String> attachments) {

	/** The {@code To} header, or the mailbox when the header is missing. */
	String toOrRecipient() {
		return this.to.isBlank() ? this.recipient : this.to;
	}

}
