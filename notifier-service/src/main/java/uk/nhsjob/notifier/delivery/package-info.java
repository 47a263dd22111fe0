/**
 * Sends every email through one ledger: the alert stream's matches (a ledger entry per
 * (alert, vacancy) makes every vacancy reach an alert at most once, and a closed vacancy
 * is left out), the confirmation requests of the profile stream, and the notices topic's
 * emails about an address ({@link AddressNotices}). Which entries share an email, and
 * when it is due, is the {@link CoalescingRule}; the {@link EmailSender} sends them a
 * round at a time over the {@link SmtpLanes}.
 */
@NullMarked
package uk.nhsjob.notifier.delivery;

import org.jspecify.annotations.NullMarked;
