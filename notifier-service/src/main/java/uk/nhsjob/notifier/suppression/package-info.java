/**
 * Addresses the SMTP server refused for good at {@code RCPT TO}: kept as a keyed hash,
 * never the address; the delivery sends them nothing more, and an operator looks them up
 * and lifts them with the admin token (docs/emails.md, "SMTP refusals").
 */
@NullMarked
package uk.nhsjob.notifier.suppression;

import org.jspecify.annotations.NullMarked;
