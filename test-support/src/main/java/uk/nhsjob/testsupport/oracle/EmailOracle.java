package uk.nhsjob.testsupport.oracle;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.nhsjob.common.vocabulary.Frequency;

/**
 * Which emails the matches make, from docs/emails.md as the notifier implements it today;
 * it shares no class with the notifier. What it models:
 * <ul>
 * <li>one email per person (what each address receives): the first pending match of any
 * of an address's {@code INSTANT} alerts opens a coalescing window, and the matches of
 * all its instant alerts made until the window ends share its email; the next match after
 * that opens the next window;
 * <li>{@code DAILY} matches go in a digest at the next 07:00 Europe/London after they
 * were made, {@code WEEKLY} ones at the next Monday 07:00; all of an address's digest
 * matches due at one time share one digest (a Monday's daily and weekly ones too);
 * <li>an email lists each vacancy once, however many of its alerts matched it, and
 * carries every alert whose match it lists ({@link ExpectedEmail#alertIds});
 * <li>a vacancy closed before its email is due, or whose closing date is before the day
 * the email is due, is left out (closing that day still counts), and an email left with
 * no vacancy is not sent.
 * </ul>
 * Not modelled (yet): the welcome email, the limit of 20 vacancies an email, SMTP faults
 * and suppressions. A digest's closing-soon reminders are not listings, so they are not
 * expected here: {@link ReceivedEmail#remindedIds} keeps them apart, and
 * {@link DeliveryTally} checks that each reminds of a vacancy sent before, once.
 */
public final class EmailOracle {

	private static final LocalTime DIGEST_TIME = LocalTime.of(7, 0);

	private final Duration coalescingWindow;

	private final ZoneId zone;

	public EmailOracle(Duration coalescingWindow) {
		this.coalescingWindow = coalescingWindow;
		this.zone = MatchOracle.LONDON;
	}

	/**
	 * The emails due by {@code until}, earliest first.
	 * @param closedAt when a vacancy was closed, for those that were
	 */
	public List<ExpectedEmail> emails(List<Match> matches, Map<String, Instant> closedAt, Instant until) {
		Map<String, List<Match>> byInbox = new LinkedHashMap<>();
		matches.stream()
			.sorted(Comparator.comparing(Match::at))
			.forEach((match) -> byInbox.computeIfAbsent(inboxOf(match.subscription()), (id) -> new ArrayList<>())
				.add(match));
		List<ExpectedEmail> emails = new ArrayList<>();
		for (List<Match> ofInbox : byInbox.values()) {
			Map<Instant, List<Match>> byDue = new LinkedHashMap<>();
			Instant windowEnd = null;
			for (Match match : ofInbox) {
				Instant due;
				if (match.subscription().frequency() == Frequency.INSTANT) {
					if (windowEnd == null || match.at().isAfter(windowEnd)) {
						windowEnd = match.at().plus(this.coalescingWindow);
					}
					due = windowEnd;
				}
				else {
					due = nextDigest(match.subscription().frequency(), match.at());
				}
				byDue.computeIfAbsent(due, (key) -> new ArrayList<>()).add(match);
			}
			byDue.forEach((due, inEmail) -> {
				Set<String> vacancies = new LinkedHashSet<>();
				Set<String> alerts = new LinkedHashSet<>();
				inEmail.stream().filter((match) -> isStillOpen(match.posting(), closedAt, due)).forEach((match) -> {
					vacancies.add(match.posting().id());
					alerts.add(match.subscription().alertId());
				});
				if (!vacancies.isEmpty() && !due.isAfter(until)) {
					emails.add(new ExpectedEmail(inEmail.get(0).subscription().address(), alerts, due, vacancies));
				}
			});
		}
		emails.sort(Comparator.comparing(ExpectedEmail::due));
		return emails;
	}

	/**
	 * One email per person: an address's instant alerts share one coalescing window, and
	 * its daily and weekly alerts one digest at each digest time.
	 */
	private static String inboxOf(Subscription alert) {
		return alert.address() + "\n" + ((alert.frequency() == Frequency.INSTANT) ? "instant" : "digest");
	}

	/**
	 * Whether a vacancy is still listed in an email due then: not closed by then, and its
	 * closing date not before the email's day in London (closing that day still counts).
	 */
	private boolean isStillOpen(Posting posting, Map<String, Instant> closedAt, Instant due) {
		Instant closed = closedAt.get(posting.id());
		return (closed == null || closed.isAfter(due))
				&& !posting.closingDate().isBefore(due.atZone(this.zone).toLocalDate());
	}

	/** The next digest time strictly after {@code after}. */
	Instant nextDigest(Frequency frequency, Instant after) {
		ZonedDateTime local = after.atZone(this.zone);
		ZonedDateTime next = local.toLocalDate().atTime(DIGEST_TIME).atZone(this.zone);
		if (frequency == Frequency.WEEKLY) {
			next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		}
		while (!next.toInstant().isAfter(after)) {
			next = (frequency == Frequency.WEEKLY) ? next.plusWeeks(1) : next.plusDays(1);
			next = next.toLocalDate().atTime(DIGEST_TIME).atZone(this.zone);
		}
		return next.toInstant();
	}

}
