package uk.nhsjob.notifier.delivery;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.notifier.email.EmailKind;

/**
 * A claimed email built and ready for SMTP.
 *
 * @param message the email
 * @param address where it goes (suppressed if the server refuses it for good)
 * @param listed the ids of the ledger entries it carries, marked SENT once the server
 * accepts it
 * @param kind what it is, for the count of emails sent
 * @param inbox the address's inbox, for an email of one ({@link InboxJobs})
 * @param jobs the jobs it lists, noted as sent to the inbox once the server accepts it
 */
record OutgoingEmail(MimeMessage message, String address, List<String> listed, EmailKind kind, @Nullable String inbox,
		List<String> jobs) {

	/** An email of no inbox: a welcome, a confirmation request, a notice. */
	OutgoingEmail(MimeMessage message, String address, List<String> listed, EmailKind kind) {
		this(message, address, listed, kind, null, List.of());
	}

}
