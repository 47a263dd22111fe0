/**
 * Talking to the SMTP server: a connection kept open across a lane of emails, and what a
 * refusal means (try again later, or never for that address).
 */
@NullMarked
package uk.nhsjob.notifier.smtp;

import org.jspecify.annotations.NullMarked;
