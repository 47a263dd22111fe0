package uk.nhsjob.ingest.normalise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a date as feeds write them: ISO 8601 ({@code 2026-12-31}, or a date-time, taken
 * in London), {@code 31/12/2026}, {@code 31 December 2026}, {@code 31-Dec-2026}; day
 * first, always. A time of day after a date is ignored.
 */
final class Dates {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final List<DateTimeFormatter> DAY_FIRST = List
		.of("d/M/uuuu", "d-M-uuuu", "d.M.uuuu", "d/M/uu", "d MMMM uuuu", "d MMM uuuu", "d-MMM-uuuu", "d-MMMM-uuuu",
				"d MMM, uuuu", "d MMMM, uuuu")
		.stream()
		.map((pattern) -> new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(Locale.ENGLISH)
			.withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private Dates() {
	}

	/** A time of day after the date, as exports add it: {@code 31/12/2026 23:59}. */
	private static final Pattern TRAILING_TIME = Pattern.compile("\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$");

	static Optional<LocalDate> parse(String text) {
		String trimmed = TRAILING_TIME.matcher(text.trim()).replaceFirst("");
		Optional<LocalDate> iso = iso(trimmed);
		if (iso.isPresent()) {
			return iso;
		}
		String cleaned = trimmed.replaceFirst("(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+", "")
			.replaceAll("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b", "$1")
			.replaceAll("(?i)\\bsept\\b", "Sep")
			.replaceAll("\\s+", " ");
		for (DateTimeFormatter format : DAY_FIRST) {
			try {
				return Optional.of(LocalDate.parse(cleaned, format));
			}
			catch (DateTimeParseException notThisFormat) {
				// try the next
			}
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> iso(String text) {
		try {
			return Optional.of(LocalDate.parse(text));
		}
		catch (DateTimeParseException notADate) {
			// perhaps a date-time
		}
		try {
			return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(LONDON).toLocalDate());
		}
		catch (DateTimeParseException notAnOffsetDateTime) {
			// perhaps a local one
		}
		try {
			return Optional.of(LocalDateTime.parse(text).toLocalDate());
		}
		catch (DateTimeParseException notALocalDateTime) {
			return Optional.empty();
		}
	}

}
