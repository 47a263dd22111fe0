package uk.nhsjob.testsupport.oracle;

import java.time.Instant;

/**
 * A pair as the oracle made it: the alert, the vacancy and the moment it matched.
 *
 * @param subscription the alert
 * @param posting the vacancy
 * @param at the moment of the publication that matched
 */
public record Match(Subscription subscription, Posting posting, Instant at) {

	public Pair pair() {
		return new Pair(this.subscription.alertId(), this.posting.id());
	}

}
