package uk.nhsjob.testsupport.oracle;

import java.time.Instant;

/**
 * A vacancy published (or published again) at a moment of the services' clock.
 *
 * @param posting the vacancy
 * @param at when its feed was accepted
 */
public record Publication(Posting posting, Instant at) {
}
