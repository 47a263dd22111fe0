/**
 * The signed tokens in an alert's confirm, manage and unsubscribe links: nothing about a
 * link is stored, and raising an alert's token version revokes its links.
 */
@NullMarked
package uk.nhsjob.matcher.alert.link;

import org.jspecify.annotations.NullMarked;
