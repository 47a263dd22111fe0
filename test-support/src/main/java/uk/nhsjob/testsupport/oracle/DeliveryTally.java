package uk.nhsjob.testsupport.oracle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What arrived against what {@link AppendTimeOracle} expected, counted per phase of a
 * run: each (alert, vacancy) listing owed, received, lost, listed twice (under the same
 * Message-ID, RFC 1047's window of a crash between the server's acceptance and the
 * sender's record of it, or under another one), listed though not owed, and late (first
 * seen more than the lateness bound after its revision was appended; counted, not a
 * failure); and the same for welcome emails, one per confirmation. A vacancy near the
 * confirmation may come in the welcome email or in a later one: once either way (counted
 * under "either" when it comes as a match). A digest's closing-soon reminders are not
 * listings: each must remind of a vacancy listed to the alert before, once. An email of
 * several alerts of one address ({@link ReceivedEmail#alertIds}) lists a vacancy once and
 * counts for each of its alerts that is owed it (docs/emails.md, "One email per person").
 * A vacancy owed to an alert whose address had it already under another alert, in an
 * email of the same kind (instant, or digest), counts as received with that email: the
 * notifier does not send an inbox a job twice.
 */
public final class DeliveryTally {

	private final NavigableMap<Instant, String> phases;

	private final Function<String, String> inboxOf;

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	private final List<Pair> lost = new ArrayList<>();

	/** Closing-soon reminders of a vacancy not sent before, or reminded twice. */
	private int remindersWrong;

	/**
	 * @param phases the name of each phase of the run, by when it began
	 * @param expected what the oracle expects
	 * @param received every email about vacancies for the run's alerts
	 * @param late how long after its revision a listing may first be seen before it
	 * counts as late
	 */
	public DeliveryTally(Map<Instant, String> phases, Expectation expected, List<ReceivedEmail> received,
			Duration late) {
		this(phases, expected, received, late, Function.identity());
	}

	/**
	 * @param phases the name of each phase of the run, by when it began
	 * @param expected what the oracle expects
	 * @param received every email about vacancies for the run's alerts
	 * @param late how long after its revision a listing may first be seen before it
	 * counts as late
	 * @param inboxOf the inbox of an alert: the same for alerts of one address whose
	 * emails are of one kind (instant, or digest)
	 */
	public DeliveryTally(Map<Instant, String> phases, Expectation expected, List<ReceivedEmail> received, Duration late,
			Function<String, String> inboxOf) {
		this.inboxOf = inboxOf;
		this.phases = new TreeMap<>(phases);
		this.phases.values().forEach((phase) -> this.rows.put(phase, new Row()));
		Map<Pair, List<ReceivedEmail>> inWelcomes = new LinkedHashMap<>();
		received.stream()
			.filter(ReceivedEmail::welcome)
			.forEach((email) -> email.vacancyIds()
				.forEach((vacancy) -> inWelcomes
					.computeIfAbsent(new Pair(email.alertId(), vacancy), (pair) -> new ArrayList<>())
					.add(email)));
		countListings(expected, received.stream().filter((email) -> !email.welcome()).toList(), inWelcomes, late);
		countWelcomes(expected, received.stream().filter(ReceivedEmail::welcome).toList());
		checkReminders(received);
	}

	/**
	 * A closing-soon reminder is not a listing: it must remind of a vacancy listed to the
	 * alert in an email seen before it, and of each at most once per alert (the same
	 * email again under its Message-ID is a duplicate of the email, not a second
	 * reminder).
	 */
	private void checkReminders(List<ReceivedEmail> received) {
		Map<Pair, Set<String>> remindedIn = new LinkedHashMap<>();
		for (ReceivedEmail email : received) {
			for (String vacancy : email.remindedIds()) {
				// in an email of several alerts, the reminder is of the alert it was sent
				// to
				String alert = email.alertIds()
					.stream()
					.filter((candidate) -> received.stream()
						.anyMatch((earlier) -> earlier.alertIds().contains(candidate)
								&& earlier.vacancyIds().contains(vacancy) && earlier.seenAt().isBefore(email.seenAt())))
					.findFirst()
					.orElse(null);
				Pair pair = new Pair((alert != null) ? alert : email.alertId(), vacancy);
				remindedIn.computeIfAbsent(pair, (key) -> new LinkedHashSet<>()).add(email.messageId());
				if (alert == null) {
					this.remindersWrong++;
					this.problems.add("reminded of a vacancy not sent before: " + pair);
				}
			}
		}
		remindedIn.forEach((pair, messageIds) -> {
			if (messageIds.size() > 1) {
				this.remindersWrong++;
				this.problems.add("reminded " + messageIds.size() + " times: " + pair);
			}
		});
	}

	/**
	 * A pair owed after the confirmation may come in the welcome email instead (the set
	 * built after it); a pair the welcome set counts may come as a match instead (the set
	 * built before the vacancy reached the instance): once either way.
	 */
	private void countListings(Expectation expected, List<ReceivedEmail> emails,
			Map<Pair, List<ReceivedEmail>> inWelcomes, Duration late) {
		Map<String, Set<String>> countedInWelcome = new LinkedHashMap<>();
		expected.welcomes().forEach((welcome) -> countedInWelcome.put(welcome.alertId(), welcome.counted()));
		Map<Pair, List<ReceivedEmail>> listings = new LinkedHashMap<>();
		List<ReceivedEmail> inOrder = emails.stream().sorted(Comparator.comparing(ReceivedEmail::seenAt)).toList();
		for (ReceivedEmail email : inOrder) {
			for (String vacancy : email.vacancyIds()) {
				// an email of several alerts lists a vacancy once, for each of its alerts
				// that matched it: owed it, or counted it in a welcome set that did not
				// list it
				List<Pair> carried = email.alertIds()
					.stream()
					.map((alert) -> new Pair(alert, vacancy))
					.filter((pair) -> expected.owed().containsKey(pair) || expected.either().contains(pair)
							|| (countedInWelcome.getOrDefault(pair.alertId(), Set.of()).contains(vacancy)
									&& !inWelcomes.containsKey(pair)))
					.toList();
				// an alert of the email that had the vacancy before is not sent it again,
				// and one owed it comes before one where either is right: the listing is
				// theirs, when the email has one
				List<Pair> notHadBefore = carried.stream()
					.filter((pair) -> !hadBefore(pair, email, listings, inWelcomes))
					.toList();
				List<Pair> owedAndNotHadBefore = notHadBefore.stream()
					.filter((pair) -> expected.owed().containsKey(pair))
					.toList();
				List<Pair> creditedTo = !owedAndNotHadBefore.isEmpty() ? owedAndNotHadBefore : !notHadBefore.isEmpty()
						? notHadBefore : !carried.isEmpty() ? carried : List.of(new Pair(email.alertId(), vacancy));
				for (Pair pair : creditedTo) {
					listings.computeIfAbsent(pair, (key) -> new ArrayList<>()).add(email);
				}
			}
		}
		Map<Pair, List<ReceivedEmail>> inboxListings = new LinkedHashMap<>();
		for (ReceivedEmail email : emails) {
			String inbox = this.inboxOf.apply(email.alertId());
			email.vacancyIds()
				.forEach(
						(vacancy) -> inboxListings.computeIfAbsent(new Pair(inbox, vacancy), (key) -> new ArrayList<>())
							.add(email));
		}
		// "And N more": counted as sent to the inbox, which jobs the email does not say
		Map<Pair, ReceivedEmail> notListed = NotListedCredits.assign(expected.owed(), inOrder, this.inboxOf,
				(pair) -> !listings.containsKey(pair) && !inWelcomes.containsKey(pair)
						&& !inboxListings.containsKey(new Pair(this.inboxOf.apply(pair.alertId()), pair.vacancyId())));
		expected.owed().forEach((pair, appendedAt) -> {
			Row row = row(appendedAt);
			row.owed++;
			List<ReceivedEmail> in = new ArrayList<>(listings.getOrDefault(pair, List.of()));
			in.addAll(inWelcomes.getOrDefault(pair, List.of()));
			ReceivedEmail countedIn = notListed.get(new Pair(this.inboxOf.apply(pair.alertId()), pair.vacancyId()));
			if (in.isEmpty() && countedIn != null) {
				// counted as sent to the inbox by an email that said "And N more"
				row.received++;
				if (countedIn.seenAt().isAfter(appendedAt.plus(late))) {
					row.late++;
				}
				return;
			}
			if (in.isEmpty()) {
				List<ReceivedEmail> inTheInbox = inboxListings
					.getOrDefault(new Pair(this.inboxOf.apply(pair.alertId()), pair.vacancyId()), List.of());
				if (!inTheInbox.isEmpty()) {
					// listed to another alert of the address: its doubles count there
					row.received++;
					if (firstSeen(inTheInbox).isAfter(appendedAt.plus(late))) {
						row.late++;
					}
					return;
				}
			}
			if (in.isEmpty()) {
				row.lost++;
				this.lost.add(pair);
				this.problems.add("lost: " + pair + " (appended " + appendedAt + ")");
				return;
			}
			row.received++;
			countDuplicates(row, pair, in);
			Instant first = in.stream().map(ReceivedEmail::seenAt).min(Instant::compareTo).orElseThrow();
			if (first.isAfter(appendedAt.plus(late))) {
				row.late++;
			}
		});
		listings.forEach((pair, in) -> {
			if (expected.owed().containsKey(pair)) {
				return;
			}
			Instant first = in.stream().map(ReceivedEmail::seenAt).min(Instant::compareTo).orElseThrow();
			Row row = row(first);
			boolean movedFromWelcome = countedInWelcome.getOrDefault(pair.alertId(), Set.of())
				.contains(pair.vacancyId()) && !inWelcomes.containsKey(pair);
			if (expected.either().contains(pair) || movedFromWelcome) {
				row.either++;
				List<ReceivedEmail> everywhere = new ArrayList<>(in);
				everywhere.addAll(inWelcomes.getOrDefault(pair, List.of()));
				countDuplicates(row, pair, everywhere);
			}
			else {
				row.unexpected++;
				this.problems.add("not owed: " + pair + " (seen " + first + ")");
			}
		});
	}

	/**
	 * Whether the alert had the vacancy in an email other than this one, seen before it.
	 */
	private static boolean hadBefore(Pair pair, ReceivedEmail email, Map<Pair, List<ReceivedEmail>> listings,
			Map<Pair, List<ReceivedEmail>> inWelcomes) {
		List<ReceivedEmail> before = new ArrayList<>(listings.getOrDefault(pair, List.of()));
		before.addAll(inWelcomes.getOrDefault(pair, List.of()));
		return before.stream()
			.anyMatch((earlier) -> !earlier.messageId().equals(email.messageId())
					&& !earlier.seenAt().isAfter(email.seenAt()));
	}

	private static Instant firstSeen(List<ReceivedEmail> in) {
		return in.stream().map(ReceivedEmail::seenAt).min(Instant::compareTo).orElseThrow();
	}

	private void countDuplicates(Row row, Object what, List<ReceivedEmail> in) {
		Set<String> ids = new LinkedHashSet<>();
		in.forEach((email) -> ids.add(email.messageId()));
		int sameId = in.size() - ids.size();
		int otherId = ids.size() - 1;
		row.sameMessageId += sameId;
		row.otherMessageId += otherId;
		if (otherId > 0) {
			this.problems.add("sent " + ids.size() + " times under different Message-IDs: " + what);
		}
	}

	private void countWelcomes(Expectation expected, List<ReceivedEmail> emails) {
		Map<String, List<ReceivedEmail>> byAlert = new LinkedHashMap<>();
		emails.forEach((email) -> byAlert.computeIfAbsent(email.alertId(), (id) -> new ArrayList<>()).add(email));
		Set<String> expectedAlerts = new LinkedHashSet<>();
		for (ExpectedWelcome welcome : expected.welcomes()) {
			expectedAlerts.add(welcome.alertId());
			Row row = row(welcome.at());
			row.welcomesOwed++;
			List<ReceivedEmail> in = byAlert.getOrDefault(welcome.alertId(), List.of());
			if (in.isEmpty()) {
				row.welcomesLost++;
				this.problems.add("welcome lost: " + welcome.alertId() + " (confirmed " + welcome.at() + ")");
				continue;
			}
			row.welcomesReceived++;
			Set<String> ids = new LinkedHashSet<>();
			in.forEach((email) -> ids.add(email.messageId()));
			row.welcomeSameMessageId += in.size() - ids.size();
			row.welcomeOtherMessageId += ids.size() - 1;
			if (ids.size() > 1) {
				this.problems.add("welcome sent " + ids.size() + " times: " + welcome.alertId());
			}
			Set<String> dueLater = new LinkedHashSet<>();
			expected.owed().keySet().forEach((pair) -> {
				if (pair.alertId().equals(welcome.alertId())) {
					dueLater.add(pair.vacancyId());
				}
			});
			expected.either().forEach((pair) -> {
				if (pair.alertId().equals(welcome.alertId())) {
					dueLater.add(pair.vacancyId());
				}
			});
			for (ReceivedEmail email : in) {
				if (!welcome.accepts(email.vacancyIds(), email.total(), dueLater)) {
					row.welcomesWrong++;
					this.problems.add("welcome of " + welcome.alertId() + " lists " + email.vacancyIds().size() + " of "
							+ email.total() + "; the oracle counts " + welcome.counted().size() + " (+"
							+ welcome.uncertain().size() + " either): lists " + email.vacancyIds() + ", counted "
							+ welcome.counted());
					break;
				}
			}
		}
		byAlert.forEach((alert, in) -> {
			if (!expectedAlerts.contains(alert)) {
				row(in.get(0).seenAt()).welcomesUnexpected++;
				this.problems.add("welcome not owed: " + alert);
			}
		});
	}

	private Row row(Instant at) {
		Map.Entry<Instant, String> phase = this.phases.floorEntry(at);
		return this.rows.get((phase != null) ? phase.getValue() : this.phases.firstEntry().getValue());
	}

	/** Whether nothing was lost, doubled under another Message-ID, wrong or not owed. */
	public boolean isExact() {
		return total().isExact() && this.remindersWrong == 0;
	}

	/** Listings, and welcome emails, listed twice under the same Message-ID. */
	public int sameMessageIdDuplicates() {
		Row total = total();
		return total.sameMessageId + total.welcomeSameMessageId;
	}

	/**
	 * The numbers of one phase, or of the whole run.
	 *
	 * @param owed listings owed
	 * @param lost listings owed and never received
	 * @param sameMessageId listings received again under the same Message-ID
	 * @param otherMessageId listings received again under another Message-ID
	 * @param notOwed listings received and not owed
	 * @param late listings first seen after the lateness bound
	 * @param welcomesOwed welcome emails owed
	 * @param welcomesLost welcome emails owed and never received
	 * @param welcomesSameMessageId welcome emails received again under the same
	 * Message-ID
	 * @param welcomesOtherMessageId welcome emails received again under another
	 * Message-ID
	 * @param welcomesWrong welcome emails listing what they should not, or not owed
	 */
	public record Counts(int owed, int lost, int sameMessageId, int otherMessageId, int notOwed, int late,
			int welcomesOwed, int welcomesLost, int welcomesSameMessageId, int welcomesOtherMessageId,
			int welcomesWrong) {
	}

	/** Each phase's numbers, in the order of the phases. */
	public Map<String, Counts> counts() {
		Map<String, Counts> counts = new LinkedHashMap<>();
		this.rows.forEach((phase, row) -> counts.put(phase, row.counts()));
		return counts;
	}

	/** The whole run's numbers. */
	public Counts totals() {
		return total().counts();
	}

	/** The (alert, vacancy) listings owed and never received. */
	public List<Pair> lost() {
		return List.copyOf(this.lost);
	}

	/** What went wrong, one line each. */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	private Row total() {
		Row total = new Row();
		this.rows.values().forEach(total::add);
		return total;
	}

	/** The table, a row per phase and a total. */
	public String table() {
		StringBuilder table = new StringBuilder();
		String format = "%-48s %6s %6s %5s %5s %5s %6s %5s %5s | %6s %6s %5s %5s %5s %5s%n";
		table.append(String.format(format, "phase", "owed", "recv", "lost", "dup=", "dup≠", "either", "extra", "late",
				"welc.", "recv", "lost", "dup=", "dup≠", "wrong"));
		this.rows.forEach((phase, row) -> table.append(row.format(format, phase)));
		table.append(total().format(format, "total"));
		table.append("""
				owed: (alert, vacancy) listings owed; recv: listed at least once; dup= / dup≠: listed again under \
				the same / another Message-ID; either: listed where either is right; extra: listed, not owed; \
				late: first seen after the bound; welc.: welcome emails owed (one per confirmation)
				""");
		return table.toString();
	}

	private static final class Row {

		int owed;

		int received;

		int lost;

		int sameMessageId;

		int otherMessageId;

		int either;

		int unexpected;

		int late;

		int welcomesOwed;

		int welcomesReceived;

		int welcomesLost;

		int welcomeSameMessageId;

		int welcomeOtherMessageId;

		int welcomesWrong;

		int welcomesUnexpected;

		void add(Row other) {
			this.owed += other.owed;
			this.received += other.received;
			this.lost += other.lost;
			this.sameMessageId += other.sameMessageId;
			this.otherMessageId += other.otherMessageId;
			this.either += other.either;
			this.unexpected += other.unexpected;
			this.late += other.late;
			this.welcomesOwed += other.welcomesOwed;
			this.welcomesReceived += other.welcomesReceived;
			this.welcomesLost += other.welcomesLost;
			this.welcomeSameMessageId += other.welcomeSameMessageId;
			this.welcomeOtherMessageId += other.welcomeOtherMessageId;
			this.welcomesWrong += other.welcomesWrong + other.welcomesUnexpected;
		}

		Counts counts() {
			return new Counts(this.owed, this.lost, this.sameMessageId, this.otherMessageId, this.unexpected, this.late,
					this.welcomesOwed, this.welcomesLost, this.welcomeSameMessageId, this.welcomeOtherMessageId,
					this.welcomesWrong + this.welcomesUnexpected);
		}

		boolean isExact() {
			return this.lost == 0 && this.otherMessageId == 0 && this.unexpected == 0 && this.welcomesLost == 0
					&& this.welcomeOtherMessageId == 0 && this.welcomesWrong == 0 && this.welcomesUnexpected == 0;
		}

		String format(String format, String phase) {
			return String.format(format, phase, this.owed, this.received, this.lost, this.sameMessageId,
					this.otherMessageId, this.either, this.unexpected, this.late, this.welcomesOwed,
					this.welcomesReceived, this.welcomesLost, this.welcomeSameMessageId, this.welcomeOtherMessageId,
					this.welcomesWrong + this.welcomesUnexpected);
		}

	}

}
