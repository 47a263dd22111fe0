package uk.nhsjob.notifier.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import uk.nhsjob.common.vocabulary.Frequency;

/**
 * The next digest run after a moment: computed on the London wall clock, so 07:00 stays
 * 07:00 local time across the clock changes (06:00 UTC in summer, 07:00 in winter).
 */
public final class DigestSchedule {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public static final LocalTime RUN_AT = LocalTime.of(7, 0);

	private DigestSchedule() {
	}

	/**
	 * The first DAILY (every day) or WEEKLY (Mondays) run strictly after {@code after}.
	 */
	public static Instant nextRun(Frequency frequency, Instant after) {
		if (frequency == Frequency.INSTANT) {
			throw new IllegalArgumentException("instant alerts have no digest");
		}
		ZonedDateTime now = after.atZone(LONDON);
		for (LocalDate day = now.toLocalDate();; day = day.plusDays(1)) {
			ZonedDateTime run = day.atTime(RUN_AT).atZone(LONDON);
			if (run.isAfter(now) && (frequency == Frequency.DAILY || day.getDayOfWeek() == DayOfWeek.MONDAY)) {
				return run.toInstant();
			}
		}
	}

}
