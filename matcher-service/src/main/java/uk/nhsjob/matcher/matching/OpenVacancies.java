package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The vacancies open now, rebuilt from the vacancy stream: each vacancy's latest revision
 * replaces the one before (a lower revision arriving later is ignored), and a vacancy
 * that is closed or past its closing date is dropped, its revision kept. Each open
 * vacancy is held with the append time of its record, so that a welcome set takes only
 * those appended up to its alert's activation (docs/matching.md, "Several instances").
 * Held in memory and fed by the {@link OpenVacancyReader}, which reads every partition,
 * so each instance of the service holds them all.
 */
@Component
class OpenVacancies {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Newest posted first; undated last; then by id, so the order is stable. */
	static final Comparator<Vacancy> NEWEST_FIRST = Comparator
		.comparing(Vacancy::postedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
		.thenComparing(Vacancy::id);

	private final Map<String, Held> byId = new ConcurrentHashMap<>();

	private final Clock clock;

	OpenVacancies(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Takes in a vacancy's latest state, unless a higher revision is held.
	 * @param latest null for a tombstone
	 * @param appendedAt its record's append time
	 * @return whether the vacancy is open now
	 */
	boolean update(String vacancyId, @Nullable Vacancy latest, Instant appendedAt) {
		if (latest == null) {
			this.byId.remove(vacancyId);
			return false;
		}
		boolean open = isOpenOn(latest, today());
		Held next = new Held(latest.revision(), open ? latest : null, appendedAt);
		Held now = this.byId.merge(vacancyId, next,
				(before, after) -> (after.revision() < before.revision()) ? before : after);
		return now.vacancy() != null && now == next;
	}

	/** Takes in a vacancy's latest state, appended now. */
	boolean update(String vacancyId, @Nullable Vacancy latest) {
		return update(vacancyId, latest, this.clock.instant());
	}

	int size() {
		return (int) this.byId.values().stream().filter((held) -> held.vacancy() != null).count();
	}

	List<Vacancy> newestFirst() {
		return appendedUpTo(Instant.MAX);
	}

	/** The open vacancies whose latest record was appended at or before the moment. */
	List<Vacancy> appendedUpTo(Instant moment) {
		LocalDate today = today();
		return this.byId.values()
			.stream()
			.filter((held) -> held.vacancy() != null && !held.appendedAt().isAfter(moment)
					&& isOpenOn(held.vacancy(), today))
			.map(Held::vacancy)
			.sorted(NEWEST_FIRST)
			.toList();
	}

	/** Open, and its closing date (if any) is today or later. */
	static boolean isOpenOn(Vacancy vacancy, LocalDate today) {
		return vacancy.isOpen() && (vacancy.closingDate() == null || !vacancy.closingDate().isBefore(today));
	}

	/** Today in Europe/London, whatever the clock's zone. */
	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), LONDON);
	}

	@Scheduled(cron = "0 1 0 * * *", zone = "Europe/London")
	void dropPastClosingDate() {
		LocalDate today = today();
		this.byId.replaceAll((id, held) -> (held.vacancy() != null && !isOpenOn(held.vacancy(), today))
				? new Held(held.revision(), null, held.appendedAt()) : held);
	}

	/**
	 * @param vacancy null once closed
	 */
	private record Held(long revision, @Nullable Vacancy vacancy, Instant appendedAt) {
	}

}
