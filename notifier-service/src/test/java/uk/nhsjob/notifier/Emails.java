package uk.nhsjob.notifier;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import uk.nhsjob.testsupport.Mailbox;

import static org.awaitility.Awaitility.await;

/**
 * Counts of an address's emails that hold for a while: "no more emails" checked the
 * moment the first arrives would pass before a second had a chance to come.
 */
public final class Emails {

	/** How long a count must hold. */
	public static final Duration HOLD = Duration.ofSeconds(2);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private Emails() {
	}

	/**
	 * Waits until the address has exactly {@code count} emails and still has for
	 * {@link #HOLD}; returns them.
	 */
	public static List<MimeMessage> exactly(Mailbox mailbox, String address, int count) {
		return await().during(HOLD)
			.atMost(WAIT)
			.until(() -> mailbox.messagesTo(address), (found) -> found.size() == count);
	}

	/** The address receives nothing for {@link #HOLD}. */
	public static void none(Mailbox mailbox, String address) {
		exactly(mailbox, address, 0);
	}

}
