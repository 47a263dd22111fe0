package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import uk.nhsjob.common.vocabulary.Frequency;

/**
 * An alert's story as a workload told it (what was created, confirmed, edited, paused,
 * erased), each change dated by the append time of the profile record that carried it.
 *
 * @param alertId the id the matcher gave it
 * @param address where its emails go
 * @param frequency instant, daily or weekly
 * @param states its changes, in any order
 */
public record AlertHistory(String alertId, String address, Frequency frequency, List<AlertState> states) {

	public AlertHistory {
		states = states.stream().sorted(Comparator.comparing(AlertState::from)).toList();
	}

	/**
	 * Its state for a record appended at {@code moment}: the last change strictly before
	 * it.
	 */
	public Optional<AlertState> stateBefore(Instant moment) {
		AlertState found = null;
		for (AlertState state : this.states) {
			if (state.from().isBefore(moment)) {
				found = state;
			}
		}
		return Optional.ofNullable(found);
	}

	Subscription asSubscription(AlertState state) {
		return new Subscription(this.alertId, this.address, this.frequency, state.status(), state.criteria(),
				state.from());
	}

}
