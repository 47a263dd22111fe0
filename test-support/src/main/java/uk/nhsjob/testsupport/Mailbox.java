package uk.nhsjob.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * Every message the test SMTP server has accepted, whichever server that is.
 */
public interface Mailbox {

	Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	/** All messages received so far, oldest first. */
	List<MimeMessage> messages();

	/** Messages received so far with this address among their To recipients. */
	default List<MimeMessage> messagesTo(String address) {
		return messages().stream().filter((message) -> isAddressedTo(message, address)).toList();
	}

	/** Waits for a message to this address that satisfies the condition. */
	default MimeMessage awaitMessageTo(String address, Predicate<MimeMessage> condition) {
		AtomicReference<MimeMessage> found = new AtomicReference<>();
		await().atMost(DEFAULT_WAIT).until(() -> {
			messagesTo(address).stream().filter(condition).findFirst().ifPresent(found::set);
			return found.get() != null;
		});
		return found.get();
	}

	/** Waits for the first message to this address. */
	default MimeMessage awaitMessageTo(String address) {
		return awaitMessageTo(address, (message) -> true);
	}

	static boolean isAddressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getRecipients(Message.RecipientType.TO);
			if (recipients == null) {
				return false;
			}
			for (Address recipient : recipients) {
				if (recipient.toString().toLowerCase().contains(address.toLowerCase())) {
					return true;
				}
			}
			return false;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
