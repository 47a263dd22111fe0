package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.notifier.suppression.Suppressions;

/**
 * Looks up what a round needs: recipients, what its digests may remind of
 * ({@link ClosingSoon}), closures and suppressions (of the recipients' addresses and of
 * those a confirmation request or a notice goes to), a query each.
 */
@Component
class RoundLookups {

	private final RecipientRegistry recipients;

	private final ClosedVacancies closedVacancies;

	private final Suppressions suppressions;

	private final ClosingSoon closingSoon;

	private final Clock clock;

	RoundLookups(RecipientRegistry recipients, ClosedVacancies closedVacancies, Suppressions suppressions,
			ClosingSoon closingSoon, Clock clock) {
		this.recipients = recipients;
		this.closingSoon = closingSoon;
		this.closedVacancies = closedVacancies;
		this.suppressions = suppressions;
		this.clock = clock;
	}

	/**
	 * The inbox of each alert among the candidates ({@link CoalescingRule#inboxOf}), from
	 * one query of their recipients; null for an alert the notifier does not know.
	 */
	Function<String, @Nullable String> inboxes(List<Delivery> candidates) {
		Map<String, Recipient> recipients = this.recipients
			.findAll(candidates.stream().map(Delivery::alertId).filter(Objects::nonNull).distinct().toList());
		Map<String, String> inboxes = new HashMap<>();
		recipients.forEach((alertId, recipient) -> inboxes.put(alertId,
				CoalescingRule.inboxOf(this.suppressions.addressKey(recipient.address()), recipient.frequency())));
		return (alertId) -> (alertId != null) ? inboxes.get(alertId) : null;
	}

	RoundFacts of(List<ClaimedEmail> emails) {
		Map<String, Recipient> recipients = this.recipients
			.findAll(emails.stream().flatMap((email) -> email.alertIds().stream()).distinct().toList());
		LocalDate today = LocalDate.now(this.clock);
		List<String> digestAlerts = emails.stream()
			.flatMap((email) -> email.alertIds()
				.stream()
				.filter((alertId) -> recipients.containsKey(alertId)
						&& ClosingSoon.reminds(email, recipients.get(alertId))))
			.distinct()
			.toList();
		Map<String, List<Delivery>> closingSoon = this.closingSoon.candidates(digestAlerts, today);
		Stream<String> reminded = closingSoon.values()
			.stream()
			.flatMap(List::stream)
			.map((entry) -> entry.vacancy().vacancyId());
		List<String> vacancyIds = Stream
			.concat(emails.stream().flatMap((email) -> email.vacancyIds().stream()), reminded)
			.distinct()
			.toList();
		Stream<String> oneOffAddresses = emails.stream()
			.map(ClaimedEmail::oneOff)
			.filter(Objects::nonNull)
			.map(OneOffEmail::address);
		List<String> addresses = Stream.concat(recipients.values().stream().map(Recipient::address), oneOffAddresses)
			.distinct()
			.toList();
		Map<String, String> suppressed = new ConcurrentHashMap<>(this.suppressions.reasonsFor(addresses));
		return new RoundFacts(recipients, this.closedVacancies.among(vacancyIds), suppressed, today, closingSoon);
	}

}
