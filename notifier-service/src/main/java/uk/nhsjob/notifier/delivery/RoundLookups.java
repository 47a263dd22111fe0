package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.notifier.suppression.Suppressions;

/** Looks up what a round needs: recipients, closures and suppressions, a query each. */
@Component
class RoundLookups {

	private final RecipientRegistry recipients;

	private final ClosedVacancies closedVacancies;

	private final Suppressions suppressions;

	private final Clock clock;

	RoundLookups(RecipientRegistry recipients, ClosedVacancies closedVacancies, Suppressions suppressions,
			Clock clock) {
		this.recipients = recipients;
		this.closedVacancies = closedVacancies;
		this.suppressions = suppressions;
		this.clock = clock;
	}

	RoundFacts of(List<ClaimedEmail> emails) {
		Map<String, Recipient> recipients = this.recipients
			.findAll(emails.stream().map(ClaimedEmail::alertId).distinct().toList());
		List<String> vacancyIds = emails.stream().flatMap((email) -> email.vacancyIds().stream()).toList();
		Map<String, String> suppressed = new ConcurrentHashMap<>(
				this.suppressions.reasonsFor(recipients.values().stream().map(Recipient::address).distinct().toList()));
		return new RoundFacts(recipients, this.closedVacancies.among(vacancyIds), suppressed,
				LocalDate.now(this.clock));
	}

}
