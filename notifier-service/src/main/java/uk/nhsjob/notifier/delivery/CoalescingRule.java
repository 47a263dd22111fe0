package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.NotifierSettings;
import uk.nhsjob.notifier.digest.DigestSchedule;

/**
 * The coalescing rule, stated here and nowhere else (docs/emails.md): when a recorded
 * match is due, and which ledger entries share one email.
 * <ul>
 * <li>An INSTANT alert's match is due one coalescing window
 * ({@code nhsjob.notifier.coalescing-window}) after it is recorded; a DAILY or WEEKLY
 * alert's at the alert's next digest run ({@link DigestSchedule}).</li>
 * <li>A new email for an address goes once the earliest of its pending entries is due,
 * and carries every pending entry of the address's alerts of that kind (instant, or
 * digest) due within one window from then: so the instant matches of all its instant
 * alerts recorded within the window share one email, and a digest carries every match of
 * all its daily and weekly alerts recorded since the last run (docs/emails.md, "One email
 * per person"). The address is known by its keyed hash only.</li>
 * <li>A welcome email carries the vacancies recorded with it, and goes once its own entry
 * is recorded, which happens after theirs.</li>
 * <li>A confirmation request or a notice is an email of its own, due once recorded.</li>
 * <li>An email that has its key already (one a crash left SENDING, one a refusal left
 * FAILED) goes again as it was, apart from the alert's new matches.</li>
 * </ul>
 * What an email then lists (not the closed vacancies; at most twenty) is
 * {@link ClaimedEmail#contents} and {@code AlertMailer}'s.
 */
@Component
class CoalescingRule {

	private final Duration window;

	@Autowired
	CoalescingRule(NotifierSettings settings) {
		this(settings.coalescingWindow());
	}

	CoalescingRule(Duration window) {
		this.window = window;
	}

	/**
	 * When a match recorded at {@code recordedAt} for an alert of this frequency is due.
	 */
	Instant dueAt(Frequency frequency, Instant recordedAt) {
		return (frequency == Frequency.INSTANT) ? recordedAt.plus(this.window)
				: DigestSchedule.nextRun(frequency, recordedAt);
	}

	/**
	 * The pending entries a round started {@code now} may put in an email: due by then.
	 */
	Instant dueBy(Instant now) {
		return now.plus(this.window);
	}

	/**
	 * The ledger's candidates as at most {@code max} emails, each alert on its own.
	 */
	List<PlannedEmail> plan(List<Delivery> candidates, Instant now, int max) {
		return plan(candidates, now, max, (alertId) -> null);
	}

	/**
	 * The ledger's candidates (earliest due first) as at most {@code max} emails, in that
	 * order: a new email of an address's pending entries (of all its instant alerts, or
	 * of all its digest alerts: those with the same {@code inboxOf}) once its earliest is
	 * due, a welcome once its own entry is there, an email with its key at once.
	 * @param inboxOf an alert's inbox: the keyed hash of its address and whether it is
	 * instant or a digest ({@link #inboxOf}); null for an alert the notifier does not
	 * know, whose entries go on their own
	 */
	List<PlannedEmail> plan(List<Delivery> candidates, Instant now, int max,
			Function<String, @Nullable String> inboxOf) {
		Map<String, List<Delivery>> byEmail = new LinkedHashMap<>();
		Map<String, String> inboxes = new HashMap<>();
		for (Delivery entry : candidates) {
			// a pending entry has no email yet (or the welcome's); any other the one it
			// was first sent in
			String inbox = (entry.email() == null || entry.isInInbox()) ? inboxOf.apply(entry.alertId()) : null;
			String key;
			if (entry.isInInbox()) {
				key = entry.email();
			}
			else if (entry.email() == null && inbox != null) {
				key = "inbox\n" + inbox;
			}
			else {
				key = entry.alertId() + "\n" + entry.email();
			}
			if (inbox != null) {
				inboxes.putIfAbsent(key, inbox);
			}
			byEmail.computeIfAbsent(key, (k) -> new ArrayList<>()).add(entry);
		}
		List<PlannedEmail> planned = new ArrayList<>();
		for (Map.Entry<String, List<Delivery>> entries : byEmail.entrySet()) {
			Delivery first = entries.getValue().get(0);
			PlannedEmail email = new PlannedEmail(first.alertId(), first.email(), List.copyOf(entries.getValue()),
					inboxes.get(entries.getKey()));
			if (isReady(email, now)) {
				planned.add(email);
			}
			if (planned.size() == max) {
				break;
			}
		}
		return planned;
	}

	/**
	 * The inbox an alert's vacancy emails go to: its address (as the keyed hash
	 * {@code addressKey}, never the address itself) and whether they are instant emails
	 * or digests, which go at their own times.
	 */
	static String inboxOf(String addressKey, Frequency frequency) {
		return addressKey + "/" + ((frequency == Frequency.INSTANT) ? "instant" : "digest");
	}

	private static boolean isReady(PlannedEmail email, Instant now) {
		if (email.isNew()) {
			return email.offered().stream().anyMatch((entry) -> entry.dueAt() != null && !entry.dueAt().isAfter(now));
		}
		boolean pending = email.offered().stream().allMatch((entry) -> entry.state() == DeliveryState.PENDING);
		return !pending || email.offered().stream().anyMatch((entry) -> entry.isWelcome() || entry.isOneOff());
	}

}
