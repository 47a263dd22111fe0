package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which email's "And N more" each owed job of an inbox counts under. An email lists at
 * most 20 jobs and counts the others it says there are as sent to its inbox
 * (docs/emails.md), without naming them; the jobs an inbox did not receive otherwise are
 * assigned to those emails as a maximum matching: a job to an email of one of the alerts
 * owed it, seen after it was appended, at most as many to an email as it left out, as
 * many jobs as can be. Taking each email's earliest owed jobs in turn can give one email
 * the jobs another left out and leave the first's own unassigned, when an address's
 * emails are for different alerts.
 */
final class NotListedCredits {

	private NotListedCredits() {
	}

	/**
	 * The email each (inbox, vacancy) counts under, for those that one does.
	 * @param unreceived whether an owed pair was not received otherwise
	 */
	static Map<Pair, ReceivedEmail> assign(Map<Pair, Instant> owed, List<ReceivedEmail> emails,
			Function<String, String> inboxOf, Predicate<Pair> unreceived) {
		Map<String, List<ReceivedEmail>> sayMoreByInbox = new LinkedHashMap<>();
		emails.stream()
			.filter((email) -> email.total() > email.vacancyIds().size())
			.sorted(Comparator.comparing(ReceivedEmail::seenAt))
			.forEach((email) -> sayMoreByInbox
				.computeIfAbsent(inboxOf.apply(email.alertId()), (key) -> new ArrayList<>())
				.add(email));
		Map<String, Map<String, Map<String, Instant>>> owedByInbox = new HashMap<>();
		owed.forEach((pair, appendedAt) -> {
			String inbox = inboxOf.apply(pair.alertId());
			if (sayMoreByInbox.containsKey(inbox) && unreceived.test(pair)) {
				owedByInbox.computeIfAbsent(inbox, (key) -> new HashMap<>())
					.computeIfAbsent(pair.vacancyId(), (key) -> new HashMap<>())
					.put(pair.alertId(), appendedAt);
			}
		});
		Map<Pair, ReceivedEmail> credits = new LinkedHashMap<>();
		sayMoreByInbox
			.forEach((inbox, sayMore) -> new Matching(sayMore, owedByInbox.getOrDefault(inbox, Map.of())).run()
				.forEach((vacancy, email) -> credits.put(new Pair(inbox, vacancy), email)));
		return credits;
	}

	/** Augmenting paths over one inbox's jobs, earliest appended first. */
	private static final class Matching {

		private final List<ReceivedEmail> emails;

		/** vacancy → alert owed it → when its revision was appended */
		private final Map<String, Map<String, Instant>> owed;

		private final Map<ReceivedEmail, List<String>> assigned = new HashMap<>();

		Matching(List<ReceivedEmail> emails, Map<String, Map<String, Instant>> owed) {
			this.emails = emails;
			this.owed = owed;
		}

		Map<String, ReceivedEmail> run() {
			this.owed.entrySet()
				.stream()
				.sorted(Comparator
					.comparing((Map.Entry<String, Map<String, Instant>> entry) -> earliest(entry.getValue()))
					.thenComparing(Map.Entry::getKey))
				.forEach((entry) -> place(entry.getKey(), new HashSet<>()));
			Map<String, ReceivedEmail> result = new HashMap<>();
			this.assigned.forEach((email, vacancies) -> vacancies.forEach((vacancy) -> result.put(vacancy, email)));
			return result;
		}

		private boolean place(String vacancy, Set<ReceivedEmail> visited) {
			for (ReceivedEmail email : this.emails) {
				if (!mayCarry(email, vacancy) || !visited.add(email)) {
					continue;
				}
				List<String> carried = this.assigned.computeIfAbsent(email, (key) -> new ArrayList<>());
				if (carried.size() < email.total() - email.vacancyIds().size()) {
					carried.add(vacancy);
					return true;
				}
				for (int i = 0; i < carried.size(); i++) {
					String other = carried.get(i);
					if (place(other, visited)) {
						carried.set(i, vacancy);
						return true;
					}
				}
			}
			return false;
		}

		private boolean mayCarry(ReceivedEmail email, String vacancy) {
			return this.owed.get(vacancy)
				.entrySet()
				.stream()
				.anyMatch((owedTo) -> email.alertIds().contains(owedTo.getKey())
						&& !owedTo.getValue().isAfter(email.seenAt()));
		}

		private static Instant earliest(Map<String, Instant> appendedAt) {
			return appendedAt.values().stream().min(Comparator.naturalOrder()).orElseThrow();
		}

	}

}
