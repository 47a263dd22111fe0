package uk.nhsjob.notifier.delivery;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.recipient.Recipient;

/**
 * The closing-soon rule (docs/emails.md, "Closing soon"): a digest that lists new
 * vacancies also reminds its alert of up to {@value #MAX} vacancies sent to it in earlier
 * emails that are still open and close within {@value #WITHIN_DAYS} days (London dates),
 * soonest first, unless the alert turned this off. Each vacancy is reminded once per
 * alert: the ledger entry of the (alert, vacancy) records the digest that reminded of it
 * ({@code remindedIn}, a conditional write), so two senders cannot both remind of it, and
 * a digest sent again (after a crash or a refusal) reminds of the same ones. A reminder
 * is not a sending: the entry stays as it was, SENT once.
 */
@Component
class ClosingSoon {

	static final int MAX = 5;

	static final int WITHIN_DAYS = 3;

	private static final Comparator<Delivery> SOONEST_FIRST = Comparator
		.comparing((Delivery entry) -> entry.vacancy().closingDate())
		.thenComparing(Delivery::id);

	private final DeliveryLedger ledger;

	ClosingSoon(DeliveryLedger ledger) {
		this.ledger = ledger;
	}

	/** Whether an email of the alert may remind: a digest of an alert that wants it. */
	static boolean reminds(ClaimedEmail email, Recipient recipient) {
		return email.oneOff() == null
				&& !email.key().equals(DeliveryLedger.idOf(recipient.alertId(), DeliveryLedger.WELCOME))
				&& recipient.frequency() != Frequency.INSTANT && recipient.remindsOfClosingSoon();
	}

	/**
	 * What the round's digests may remind of, by alert, in one query: the alerts' SENT
	 * vacancies closing from {@code today} to {@value #WITHIN_DAYS} days after.
	 */
	Map<String, List<Delivery>> candidates(Collection<String> alertIds, LocalDate today) {
		return this.ledger.sentClosingBetween(alertIds, today, today.plusDays(WITHIN_DAYS))
			.stream()
			.filter((entry) -> entry.vacancy() != null && entry.vacancy().closingDate() != null)
			.collect(Collectors.groupingBy((entry) -> String.valueOf(entry.alertId())));
	}

	/**
	 * The vacancies this digest reminds its lead alert of
	 * ({@link #remind(ClaimedEmail, String, RoundFacts, List)}).
	 */
	List<MatchedVacancy> remind(ClaimedEmail email, RoundFacts facts, List<MatchedVacancy> listed) {
		return remind(email, String.valueOf(email.alertId()), facts, listed);
	}

	/**
	 * The vacancies this digest reminds the alert of in its section, soonest closing
	 * first, taken for it in the ledger: not closed, not listed in the digest itself (in
	 * any section), not reminded by another email; those an earlier attempt at the same
	 * digest took come first.
	 * @param listed the vacancies the digest lists as new, in all its sections
	 */
	List<MatchedVacancy> remind(ClaimedEmail email, String alertId, RoundFacts facts, List<MatchedVacancy> listed) {
		Set<String> shown = listed.stream().map(MatchedVacancy::job).collect(Collectors.toSet());
		List<Delivery> open = facts.closingSoon()
			.getOrDefault(alertId, List.of())
			.stream()
			.filter((entry) -> !shown.contains(entry.vacancy().job()))
			.filter((entry) -> !facts.closed().contains(entry.vacancy().vacancyId()))
			.filter((entry) -> entry.remindedIn() == null || entry.remindedIn().equals(email.key()))
			.sorted(SOONEST_FIRST)
			.toList();
		List<Delivery> ours = open.stream().filter((entry) -> email.key().equals(entry.remindedIn())).toList();
		List<Delivery> wanted = (ours.size() >= MAX) ? ours
				: Stream
					.concat(ours.stream(),
							open.stream().filter((entry) -> entry.remindedIn() == null).limit(MAX - ours.size()))
					.toList();
		Set<String> taken = this.ledger.remind(email.key(), wanted.stream().map(Delivery::id).toList());
		return wanted.stream()
			.filter((entry) -> taken.contains(entry.id()))
			.sorted(SOONEST_FIRST)
			.limit(MAX)
			.map(Delivery::vacancy)
			.toList();
	}

}
