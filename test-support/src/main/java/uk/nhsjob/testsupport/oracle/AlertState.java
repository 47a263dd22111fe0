package uk.nhsjob.testsupport.oracle;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.AlertStatus;

/**
 * An alert from the moment a change to it was appended to the profile topic until the
 * next change.
 *
 * @param from the broker's append time of the profile record that made the change
 * @param status its status from then; null once it is erased (a tombstone)
 * @param criteria its criteria from then
 */
public record AlertState(Instant from, @Nullable AlertStatus status, AlertCriteria criteria) {

	public boolean isActive() {
		return this.status == AlertStatus.ACTIVE;
	}

}
