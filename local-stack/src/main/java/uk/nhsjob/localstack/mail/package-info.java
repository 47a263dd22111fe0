/**
 * The mail catcher: GreenMail's SMTP and IMAP servers, with every delivered message kept
 * on disk and delivered again on the next start.
 */
@NullMarked
package uk.nhsjob.localstack.mail;

import org.jspecify.annotations.NullMarked;
