/**
 * When the DAILY and WEEKLY digests go out: 07:00 Europe/London, Mondays for the weekly
 * one, whatever the clock changes do.
 */
@NullMarked
package uk.nhsjob.notifier.digest;

import org.jspecify.annotations.NullMarked;
