package uk.nhsjob.notifier.delivery;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import uk.nhsjob.notifier.email.EmailKind;

/**
 * A claimed email built and ready for SMTP.
 *
 * @param message the email
 * @param address where it goes (suppressed if the server refuses it for good)
 * @param listed the ids of the ledger entries it carries, marked SENT once the server
 * accepts it
 * @param kind what it is, for the count of emails sent
 */
record OutgoingEmail(MimeMessage message, String address, List<String> listed, EmailKind kind) {

}
