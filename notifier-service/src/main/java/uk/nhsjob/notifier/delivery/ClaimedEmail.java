package uk.nhsjob.notifier.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.match.MatchedVacancy;

/**
 * An email a sending round claimed: its key ({@code <alert>/welcome},
 * {@code <lead alert>/inbox/<round>} for the email of an address's alerts,
 * {@code <alert>/email/<round>}, {@code <alert>/confirmation/<n>} or
 * {@code notice/<event>}, from which the Message-ID derives) and the ledger entries it
 * carries, all SENDING for this round. {@code alertId} is its lead alert (of its first
 * entry); an email of an address carries entries of its other alerts too. A notice has no
 * alert.
 */
record ClaimedEmail(@Nullable String alertId, String key, List<Delivery> entries) {

	private static final Comparator<Delivery> FIRST_RECORDED = Comparator.comparing(Delivery::recordedAt)
		.thenComparing(Delivery::id);

	/** The claimed entries as their emails, in the order they came. */
	static List<ClaimedEmail> of(List<Delivery> claimed) {
		Map<String, List<Delivery>> byEmail = new LinkedHashMap<>();
		for (Delivery entry : claimed) {
			byEmail.computeIfAbsent(entry.emailKey(), (key) -> new ArrayList<>()).add(entry);
		}
		return byEmail.entrySet()
			.stream()
			.map((email) -> new ClaimedEmail(email.getValue().get(0).alertId(), email.getKey(),
					List.copyOf(email.getValue())))
			.toList();
	}

	/**
	 * What a confirmation request or a notice says; null for an email of vacancies.
	 */
	@Nullable OneOffEmail oneOff() {
		return this.entries.get(0).oneOff();
	}

	/**
	 * Which SMTP lane the email takes: its alert's, so an alert's emails go in order; a
	 * notice's own.
	 */
	String laneKey() {
		return (this.alertId != null) ? this.alertId : this.key;
	}

	/** The alerts whose entries the email carries, in order. */
	List<String> alertIds() {
		return this.entries.stream().map(Delivery::alertId).filter(Objects::nonNull).distinct().toList();
	}

	/** The same email with only the entries of these alerts (those still active). */
	ClaimedEmail only(Set<String> alertIds) {
		List<Delivery> kept = this.entries.stream().filter((entry) -> alertIds.contains(entry.alertId())).toList();
		return new ClaimedEmail(kept.isEmpty() ? this.alertId : kept.get(0).alertId(), this.key, kept);
	}

	/**
	 * Whether it is an email of an address's inbox (docs/emails.md, "One email per
	 * person").
	 */
	boolean isInInbox() {
		return !this.entries.isEmpty() && this.entries.get(0).isInInbox();
	}

	/** The jobs of its vacancies. */
	List<String> jobs() {
		return this.entries.stream()
			.map(Delivery::vacancy)
			.filter(Objects::nonNull)
			.map(ClaimedEmail::jobOf)
			.distinct()
			.toList();
	}

	List<String> ids() {
		return this.entries.stream().map(Delivery::id).toList();
	}

	/** The failed attempts so far (its entries share them). */
	int attempts() {
		return this.entries.get(0).attempts();
	}

	List<String> vacancyIds() {
		return this.entries.stream()
			.map(Delivery::vacancy)
			.filter(Objects::nonNull)
			.map(MatchedVacancy::vacancyId)
			.toList();
	}

	/**
	 * What the email lists, and what it leaves out: a vacancy the vacancy stream showed
	 * closed, or one whose closing date is before {@code today} (a vacancy closing today
	 * is still listed). In an email of several alerts, each vacancy is listed once, under
	 * the alert that matched it first (the earliest recorded entry), and its entries of
	 * the other alerts are carried with it (so marked SENT with it); the sections come in
	 * the order of their alerts' first entries.
	 */
	Contents contents(Set<String> closed, LocalDate today) {
		return contents(closed, today, Set.of());
	}

	/**
	 * As {@link #contents(Set, LocalDate)}, a job the address was sent already
	 * ({@link InboxJobs}) carried as sent with the email but not listed again.
	 */
	Contents contents(Set<String> closed, LocalDate today, Set<String> jobsSentAlready) {
		Delivery welcome = null;
		List<String> listed = new ArrayList<>();
		Map<String, List<MatchedVacancy>> sections = new LinkedHashMap<>();
		Map<String, String> leftOut = new LinkedHashMap<>();
		Set<String> shown = new HashSet<>(jobsSentAlready);
		List<Delivery> firstRecordedFirst = this.entries.stream().sorted(FIRST_RECORDED).toList();
		for (Delivery entry : firstRecordedFirst) {
			if (entry.isWelcome()) {
				welcome = entry;
				listed.add(entry.id());
				continue;
			}
			MatchedVacancy vacancy = entry.vacancy();
			String reason = (vacancy != null) ? reasonToLeaveOut(vacancy, closed, today) : "nothing to send";
			if (vacancy == null || reason != null) {
				leftOut.put(entry.id(), String.valueOf(reason));
			}
			else {
				listed.add(entry.id());
				if (shown.add(jobOf(vacancy))) {
					sections.computeIfAbsent(String.valueOf(entry.alertId()), (alert) -> new ArrayList<>())
						.add(vacancy);
				}
			}
		}
		Integer welcomeTotal = null;
		if (welcome != null) {
			Integer total = welcome.welcomeTotal();
			welcomeTotal = ((total != null) ? total : 0) - leftOut.size();
		}
		return new Contents(listed, sections, leftOut, welcomeTotal);
	}

	/** What makes two matched vacancies the same job, which an email lists once. */
	static String jobOf(MatchedVacancy vacancy) {
		return vacancy.job();
	}

	private static @Nullable String reasonToLeaveOut(MatchedVacancy vacancy, Set<String> closed, LocalDate today) {
		if (closed.contains(vacancy.vacancyId())) {
			return "vacancy closed";
		}
		LocalDate closingDate = vacancy.closingDate();
		if (closingDate != null && closingDate.isBefore(today)) {
			return "closing date passed";
		}
		return null;
	}

	/**
	 * @param listed the ids of the entries the email carries (the welcome's own too, and
	 * those of a vacancy listed under another alert)
	 * @param sections the vacancies it lists, by the alert they are listed under, in
	 * order; each vacancy once
	 * @param leftOut the ids of the entries left out, with why
	 * @param welcomeTotal for a welcome, its count of matching vacancies less those left
	 * out; null for any other email
	 */
	record Contents(List<String> listed, Map<String, List<MatchedVacancy>> sections, Map<String, String> leftOut,
			@Nullable Integer welcomeTotal) {

		/** Every vacancy it lists, section after section. */
		List<MatchedVacancy> vacancies() {
			return this.sections.values().stream().flatMap(List::stream).toList();
		}

		boolean isWelcome() {
			return this.welcomeTotal != null;
		}

		/** An email (or digest) with nothing to list is not sent; a welcome always is. */
		boolean isEmpty() {
			return !isWelcome() && this.sections.isEmpty();
		}

	}

}
