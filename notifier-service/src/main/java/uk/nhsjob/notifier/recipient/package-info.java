/**
 * The notifier's copy of each alert, kept from the profile stream: who to write to, in
 * what state, with which links; and the confirmation emails it asks for, handed to the
 * delivery ledger.
 */
@NullMarked
package uk.nhsjob.notifier.recipient;

import org.jspecify.annotations.NullMarked;
