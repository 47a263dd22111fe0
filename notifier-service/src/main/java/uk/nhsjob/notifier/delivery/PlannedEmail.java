package uk.nhsjob.notifier.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An email a sending round means to take on, from the entries the ledger offered: an
 * alert's pending entries that no email carries yet ({@code email} null: they go in a new
 * one), or an email with its key already (a welcome, or one to send again).
 *
 * @param alertId the alert it goes to
 * @param email its key within the alert, or null for a new one
 * @param offered the entries the ledger's query returned for it
 */
record PlannedEmail(String alertId, @Nullable String email, List<Delivery> offered) {

	boolean isNew() {
		return this.email == null;
	}

	/**
	 * The ledger's candidates as at most {@code max} emails, earliest due first. A new
	 * email goes once its earliest entry is due (and takes the alert's entries due within
	 * the coalescing window with it); a welcome once its own entry is recorded, which
	 * happens after its vacancies'; an email to send again at once.
	 */
	static List<PlannedEmail> plan(List<Delivery> candidates, Instant now, int max) {
		Map<String, List<Delivery>> byEmail = new LinkedHashMap<>();
		for (Delivery entry : candidates) {
			// pending entries have no email yet, or the welcome's; the others the one
			// they were sent in
			byEmail.computeIfAbsent(entry.alertId() + "\n" + entry.email(), (key) -> new ArrayList<>()).add(entry);
		}
		List<PlannedEmail> planned = new ArrayList<>();
		for (List<Delivery> entries : byEmail.values()) {
			Delivery first = entries.get(0);
			PlannedEmail email = new PlannedEmail(first.alertId(), first.email(), List.copyOf(entries));
			if (email.isReady(now)) {
				planned.add(email);
			}
			if (planned.size() == max) {
				break;
			}
		}
		return planned;
	}

	private boolean isReady(Instant now) {
		if (isNew()) {
			return this.offered.stream().anyMatch((entry) -> entry.dueAt() != null && !entry.dueAt().isAfter(now));
		}
		boolean pending = this.offered.stream().allMatch((entry) -> entry.state() == DeliveryState.PENDING);
		return !pending || this.offered.stream().anyMatch(Delivery::isWelcome);
	}

}
