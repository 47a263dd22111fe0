/**
 * Renders the notifier's emails from Thymeleaf templates (HTML and plain text) and sends
 * them with a Message-ID derived from what they deliver.
 */
@NullMarked
package uk.nhsjob.notifier.email;

import org.jspecify.annotations.NullMarked;
