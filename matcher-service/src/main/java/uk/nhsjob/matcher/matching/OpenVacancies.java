package uk.nhsjob.matcher.matching;

import java.time.Clock;
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
 * The vacancies open now, rebuilt from the vacancy stream: each vacancy's latest state
 * replaces the one before, and a vacancy that is closed or past its closing date is
 * dropped. Held in memory and fed by the {@link OpenVacancyReader}, which reads every
 * partition, so each instance of the service holds them all.
 */
@Component
class OpenVacancies {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Newest posted first; undated last; then by id, so the order is stable. */
	static final Comparator<Vacancy> NEWEST_FIRST = Comparator
		.comparing(Vacancy::postedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
		.thenComparing(Vacancy::id);

	private final Map<String, Vacancy> byId = new ConcurrentHashMap<>();

	private final Clock clock;

	OpenVacancies(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Takes in a vacancy's latest state.
	 * @param latest null for a tombstone
	 * @return whether the vacancy is open now
	 */
	boolean update(String vacancyId, @Nullable Vacancy latest) {
		if (latest == null || !isOpenOn(latest, today())) {
			this.byId.remove(vacancyId);
			return false;
		}
		this.byId.put(vacancyId, latest);
		return true;
	}

	int size() {
		return this.byId.size();
	}

	List<Vacancy> newestFirst() {
		LocalDate today = today();
		return this.byId.values().stream().filter((vacancy) -> isOpenOn(vacancy, today)).sorted(NEWEST_FIRST).toList();
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
		this.byId.values().removeIf((vacancy) -> !isOpenOn(vacancy, today));
	}

}
