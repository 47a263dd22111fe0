package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Set;

/**
 * An email the oracle expects.
 *
 * @param address its recipient
 * @param alertIds the alerts whose matches it carries (one today: docs/emails.md's one
 * email per person is not built yet)
 * @param due when it is due (the end of the coalescing window, or the digest's time)
 * @param vacancyIds the vacancies it lists
 */
public record ExpectedEmail(String address, Set<String> alertIds, Instant due, Set<String> vacancyIds) {

	public ExpectedEmail {
		alertIds = Set.copyOf(alertIds);
		vacancyIds = Set.copyOf(vacancyIds);
	}

}
