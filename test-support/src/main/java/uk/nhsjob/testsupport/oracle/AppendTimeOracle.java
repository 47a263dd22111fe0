package uk.nhsjob.testsupport.oracle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import uk.nhsjob.common.vocabulary.AlertStatus;

/**
 * What every alert is owed when several instances serve it, by the rule of
 * docs/matching.md ("Several instances"), dated by the broker's append times alone: an
 * alert that becomes {@code ACTIVE}, or whose criteria change, at time t (its profile
 * record's append time) gets every matching vacancy whose revision was appended after t,
 * exactly once; its confirmation's welcome set counts the open matching vacancies
 * appended before t (listing up to 10 of them, with their total), and every one it counts
 * is sent.
 * <p>
 * Which vacancy matches is {@link MatchOracle}'s; it shares no class with the matcher.
 * Where the rules leave the outcome to timing, a pair is <em>either</em> (sent or not,
 * both right) rather than owed:
 * <ul>
 * <li>a vacancy appended within the grace period before a confirmation may or may not be
 * in the welcome set, and is then either for that alert from there on;
 * <li>within the grace period after an alert stops (paused, unsubscribed, erased) or its
 * criteria change, a vacancy the previous state matched and the new one does not;
 * <li>a match appended within the grace period before its alert stops, or before the
 * vacancy closes (the notifier leaves out what is no longer sendable when it builds the
 * email).
 * </ul>
 * Not modelled: digests (only {@code INSTANT} alerts), the 20 vacancies an email lists at
 * most, one email per person (docs/emails.md), duplicates across sources.
 */
public final class AppendTimeOracle {

	/** How many vacancies a welcome set lists. */
	public static final int WELCOME_LISTED = 10;

	private final MatchOracle matching;

	private final Function<Instant, LocalDate> serviceDay;

	private final Duration grace;

	/**
	 * @param serviceDay the services' day (Europe/London) at a broker time, for closing
	 * dates
	 * @param grace how long a change may take to reach every instance
	 */
	public AppendTimeOracle(MatchOracle matching, Function<Instant, LocalDate> serviceDay, Duration grace) {
		this.matching = matching;
		this.serviceDay = serviceDay;
		this.grace = grace;
	}

	/** What the alerts are owed, given every revision appended. */
	public Expectation expect(Collection<AlertHistory> alerts, Collection<Revision> revisions) {
		List<Revision> inOrder = revisions.stream().sorted(Comparator.comparing(Revision::appendedAt)).toList();
		Map<String, List<Revision>> byVacancy = new LinkedHashMap<>();
		inOrder.forEach((revision) -> byVacancy.computeIfAbsent(revision.posting().id(), (id) -> new ArrayList<>())
			.add(revision));
		Map<Pair, Instant> owed = new LinkedHashMap<>();
		Set<Pair> either = new LinkedHashSet<>();
		List<ExpectedWelcome> welcomes = new ArrayList<>();
		for (AlertHistory alert : alerts) {
			Set<String> counted = new HashSet<>();
			Set<String> uncertain = new HashSet<>();
			for (AlertState confirmation : confirmations(alert)) {
				ExpectedWelcome welcome = welcome(alert, confirmation, byVacancy, counted);
				welcomes.add(welcome);
				counted.addAll(welcome.counted());
				uncertain.addAll(welcome.uncertain());
				// one the welcome set may have missed may come as a match instead: the
				// matcher reads the vacancy and the confirmation on two topics
				welcome.uncertain().forEach((vacancy) -> either.add(new Pair(alert.alertId(), vacancy)));
			}
			for (Revision revision : inOrder) {
				String vacancy = revision.posting().id();
				Pair pair = new Pair(alert.alertId(), vacancy);
				if (counted.contains(vacancy)) {
					continue;
				}
				Verdict verdict = verdict(alert, revision);
				if (verdict == Verdict.OWED
						&& (uncertain.contains(vacancy) || isUnsure(alert, revision, byVacancy.get(vacancy)))) {
					verdict = Verdict.EITHER;
				}
				if (verdict == Verdict.OWED) {
					owed.put(pair, revision.appendedAt());
					counted.add(vacancy);
				}
				else if (verdict == Verdict.EITHER) {
					either.add(pair);
					uncertain.add(vacancy);
				}
			}
		}
		return new Expectation(owed, either, welcomes);
	}

	private enum Verdict {

		OWED, EITHER, NOT

	}

	private Verdict verdict(AlertHistory alert, Revision revision) {
		Instant at = revision.appendedAt();
		AlertState now = alert.stateBefore(at).orElse(null);
		if (now == null) {
			return Verdict.NOT;
		}
		boolean matchesNow = revision.open() && now.isActive() && matches(alert, now, revision);
		if (matchesNow) {
			return Verdict.OWED;
		}
		AlertState before = alert.stateBefore(now.from()).orElse(null);
		boolean changedLately = !now.from().isBefore(at.minus(this.grace));
		if (changedLately && before != null && revision.open() && before.isActive()
				&& matches(alert, before, revision)) {
			return Verdict.EITHER;
		}
		return Verdict.NOT;
	}

	/**
	 * Owed by the rule, but sendable no more when its email is built: the alert stopped,
	 * or the vacancy closed, within the grace period after.
	 */
	private boolean isUnsure(AlertHistory alert, Revision revision, List<Revision> ofVacancy) {
		Instant at = revision.appendedAt();
		Instant horizon = at.plus(this.grace);
		boolean stops = alert.states()
			.stream()
			.anyMatch((state) -> state.from().isAfter(at) && !state.from().isAfter(horizon) && !state.isActive());
		boolean closes = ofVacancy.stream()
			.anyMatch(
					(later) -> !later.open() && later.appendedAt().isAfter(at) && !later.appendedAt().isAfter(horizon));
		return stops || closes;
	}

	private boolean matches(AlertHistory alert, AlertState state, Revision revision) {
		return this.matching.matches(alert.asSubscription(state), revision.posting(),
				this.serviceDay.apply(revision.appendedAt()));
	}

	/** The states that confirm it: {@code ACTIVE} after {@code PENDING_CONFIRMATION}. */
	private static List<AlertState> confirmations(AlertHistory alert) {
		List<AlertState> confirmations = new ArrayList<>();
		AlertStatus previous = null;
		for (AlertState state : alert.states()) {
			if (state.isActive() && previous == AlertStatus.PENDING_CONFIRMATION) {
				confirmations.add(state);
			}
			previous = state.status();
		}
		return confirmations;
	}

	private ExpectedWelcome welcome(AlertHistory alert, AlertState confirmation, Map<String, List<Revision>> byVacancy,
			Set<String> alreadyCounted) {
		Instant at = confirmation.from();
		Instant unsureFrom = at.minus(this.grace);
		Set<String> counted = new LinkedHashSet<>();
		Set<String> uncertain = new LinkedHashSet<>();
		byVacancy.forEach((vacancy, revisions) -> {
			if (alreadyCounted.contains(vacancy)) {
				return;
			}
			Revision latest = null;
			boolean recent = false;
			for (Revision revision : revisions) {
				// appended in the same millisecond as the confirmation: either side of it
				if (!revision.appendedAt().isAfter(at)) {
					latest = revision;
					recent |= !revision.appendedAt().isBefore(unsureFrom);
				}
			}
			if (latest == null) {
				return;
			}
			boolean matches = latest.open() && this.matching.matches(alert.asSubscription(confirmation),
					latest.posting(), this.serviceDay.apply(at));
			if (recent) {
				uncertain.add(vacancy);
			}
			else if (matches) {
				counted.add(vacancy);
			}
		});
		return new ExpectedWelcome(alert.alertId(), alert.address(), at, counted, uncertain);
	}

}
