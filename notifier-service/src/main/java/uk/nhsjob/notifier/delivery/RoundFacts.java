package uk.nhsjob.notifier.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.notifier.recipient.Recipient;

/**
 * What a sending round knows of its emails, looked up once for all of them
 * ({@link RoundLookups}).
 *
 * @param recipients the alerts' recipients, by alert id (none for an erased alert)
 * @param closed the ids of the round's vacancies that the vacancy stream showed closed
 * @param suppressed the suppressed addresses among the recipients' and those the round's
 * confirmation requests and notices go to, with why; a concurrent map the lanes add to
 * when the server refuses an address for good
 * @param today the London date the round runs on, for closing dates
 * @param closingSoon what the round's digests may remind of, by alert
 * ({@link ClosingSoon#candidates}); their vacancies are among those checked for closure
 */
record RoundFacts(Map<String, Recipient> recipients, Set<String> closed, Map<String, String> suppressed,
		LocalDate today, Map<String, List<Delivery>> closingSoon) {

	@Nullable Recipient recipientOf(ClaimedEmail email) {
		String alertId = email.alertId();
		return (alertId != null) ? this.recipients.get(alertId) : null;
	}

}
