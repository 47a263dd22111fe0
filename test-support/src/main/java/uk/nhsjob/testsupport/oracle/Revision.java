package uk.nhsjob.testsupport.oracle;

import java.time.Instant;

/**
 * One revision of a vacancy on the vacancy topic, as its feed stated it.
 *
 * @param posting the vacancy as that revision's feed stated it
 * @param open whether the revision is open (a snapshot or a withdrawal closes)
 * @param appendedAt the broker's append time of the record
 */
public record Revision(Posting posting, boolean open, Instant appendedAt) {
}
