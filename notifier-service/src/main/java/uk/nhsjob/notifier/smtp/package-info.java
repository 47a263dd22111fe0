/**
 * Talking to the SMTP server: one connection kept open across a batch of emails, and what
 * a refusal means (try again later, or never for that address).
 */
@NullMarked
package uk.nhsjob.notifier.smtp;

import org.jspecify.annotations.NullMarked;
