/**
 * The web inbox: the messages the mail catcher kept, listed and shown in a browser.
 * Everything taken from a message is escaped; a message's HTML runs in a sandboxed frame.
 */
@NullMarked
package uk.nhsjob.localstack.inbox;

import org.jspecify.annotations.NullMarked;
