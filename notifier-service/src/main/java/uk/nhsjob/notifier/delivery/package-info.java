/**
 * Turns the alert stream's matches into emails: a ledger entry per (alert, vacancy) makes
 * every vacancy reach an alert at most once, and a closed vacancy is left out.
 */
@NullMarked
package uk.nhsjob.notifier.delivery;

import org.jspecify.annotations.NullMarked;
