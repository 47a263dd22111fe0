package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.Set;

/**
 * An email the oracle expects.
 *
 * @param address its recipient
 * @param alertIds the alerts whose matches it carries: one email per person carries those
 * of several alerts of the address (docs/emails.md, "One email per person")
 * @param due when it is due (the end of the coalescing window, or the digest's time)
 * @param vacancyIds the vacancies it lists, each once
 */
public record ExpectedEmail(String address, Set<String> alertIds, Instant due, Set<String> vacancyIds) {

	public ExpectedEmail {
		alertIds = Set.copyOf(alertIds);
		vacancyIds = Set.copyOf(vacancyIds);
	}

}
