/**
 * Alert profiles: the alert aggregate and its repository, the service that creates,
 * confirms, edits and erases alerts, publishing every change on the profile stream (with
 * its outbox), and the port ({@code MatchPreviews}) through which alerts ask what they
 * would match. Its web side is in {@code alert.web}, its signed links in
 * {@code alert.link}.
 */
@NullMarked
package uk.nhsjob.matcher.alert;

import org.jspecify.annotations.NullMarked;
