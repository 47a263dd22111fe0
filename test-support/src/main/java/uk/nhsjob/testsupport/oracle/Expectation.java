package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link AppendTimeOracle} expects.
 *
 * @param owed each (alert, vacancy) pair an email must list exactly once, with the append
 * time of the revision that made it owed
 * @param either pairs that may be listed once, or not at all
 * @param welcomes one welcome set per confirmation
 */
public record Expectation(Map<Pair, Instant> owed, Set<Pair> either, List<ExpectedWelcome> welcomes) {

	public Expectation {
		owed = Map.copyOf(owed);
		either = Set.copyOf(either);
		welcomes = List.copyOf(welcomes);
	}

}
