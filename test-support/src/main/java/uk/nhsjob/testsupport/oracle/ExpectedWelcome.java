package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Set;

/**
 * The welcome set of one confirmation.
 *
 * @param alertId the alert confirmed
 * @param address where it goes
 * @param at the append time of the profile record that made the alert active
 * @param counted the open matching vacancies appended before (all counted as sent; up to
 * {@value AppendTimeOracle#WELCOME_LISTED} of them listed)
 * @param uncertain vacancies appended just before, which may or may not be counted
 */
public record ExpectedWelcome(String alertId, String address, Instant at, Set<String> counted, Set<String> uncertain) {

	public ExpectedWelcome {
		counted = Set.copyOf(counted);
		uncertain = Set.copyOf(uncertain);
	}

	/**
	 * Whether a welcome email listing these, with this total, is right: it lists only
	 * vacancies it counts, or that the alert may be sent after its confirmation (owed, or
	 * where either is right: a revision appended after the confirmation but before the
	 * set was built goes once, in the welcome email rather than a later one), and as many
	 * as the total allows.
	 * @param dueLater the vacancies the alert is owed, or may be sent, after its
	 * confirmation
	 */
	public boolean accepts(Set<String> listed, int total, Set<String> dueLater) {
		boolean listedAllowed = listed.stream()
			.allMatch((vacancy) -> this.counted.contains(vacancy) || this.uncertain.contains(vacancy)
					|| dueLater.contains(vacancy));
		return listedAllowed && listed.size() == Math.min(AppendTimeOracle.WELCOME_LISTED, total);
	}

}
