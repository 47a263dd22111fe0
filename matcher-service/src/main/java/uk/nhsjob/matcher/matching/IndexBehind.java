package uk.nhsjob.matcher.matching;

import java.time.Instant;

import uk.nhsjob.platform.kafka.TransientFault;

/**
 * The profile reader has not yet applied every profile record appended before a vacancy
 * record: matching it now could miss an alert or match a paused one. A fault that passes:
 * the record is tried again, never dead-lettered.
 */
class IndexBehind extends RuntimeException implements TransientFault {

	IndexBehind(Instant appendedAt) {
		super("the profiles are being republished with schema version 2: the vacancy record appended at " + appendedAt
				+ " waits until they are (docs/matching.md, \"Republishing on schema version 2\")");
	}

	IndexBehind(Instant appendedAt, Instant appliedBefore) {
		super("the match index has applied the profiles appended before " + appliedBefore
				+ ", not yet those up to the vacancy record appended at " + appendedAt);
	}

}
