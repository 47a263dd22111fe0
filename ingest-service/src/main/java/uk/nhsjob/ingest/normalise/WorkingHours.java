package uk.nhsjob.ingest.normalise;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * Hours and working patterns: {@code 37.5 hours per week}, {@code 22.5 hrs},
 * {@code Full time}, {@code Part time}, {@code Flexible working}, {@code Job share},
 * {@code Term time}, {@code Compressed hours}. Fewer than 37.5 hours a week is part-time.
 * Read from the hours, working pattern and title fields; the description only when none
 * of them states hours or a pattern.
 */
final class WorkingHours {

	static final double FULL_TIME_HOURS = 37.5;

	private static final Pattern STATED_HOURS = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,2})?)\\s*(?:hours?|hrs?|h)\\b");

	/** A whole-time equivalent: {@code 0.6 WTE} is 22.5 hours a week. */
	private static final Pattern WHOLE_TIME_EQUIVALENT = Pattern.compile("(\\d(?:\\.\\d{1,2})?)\\s*(?:wte|fte)\\b");

	private static final Pattern BARE_HOURS = Pattern.compile("\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\s*");

	private WorkingHours() {
	}

	/**
	 * @param hours the hours field
	 * @param pattern the working pattern field
	 * @param title the vacancy's title, which often says "(Part Time)"
	 */
	static Hours parse(@Nullable String hours, @Nullable String pattern, @Nullable String title) {
		Double perWeek = firstHours(hours, pattern, title);
		Set<WorkingPattern> patterns = patternsIn(hours, pattern, title);
		if (perWeek != null) {
			patterns.add((perWeek >= FULL_TIME_HOURS) ? WorkingPattern.FULL_TIME : WorkingPattern.PART_TIME);
		}
		return new Hours(perWeek, List.copyOf(patterns));
	}

	/**
	 * As {@link #parse(String, String, String)}; when none of those fields states hours
	 * or a pattern, what the description states ({@link DescribedHours}).
	 * @param description the description as plain text
	 */
	static Hours parse(@Nullable String hours, @Nullable String pattern, @Nullable String title,
			@Nullable String description) {
		Hours stated = parse(hours, pattern, title);
		if (stated.perWeek() != null || !stated.patterns().isEmpty()) {
			return stated;
		}
		return DescribedHours.in(description);
	}

	/** The patterns the texts name, by their words. */
	static Set<WorkingPattern> patternsIn(@Nullable String... texts) {
		Set<WorkingPattern> patterns = EnumSet.noneOf(WorkingPattern.class);
		Words words = Words.of(texts);
		if (words.hasAny("full time", "fulltime", "ft")) {
			patterns.add(WorkingPattern.FULL_TIME);
		}
		if (words.hasAny("part time", "parttime", "pt")) {
			patterns.add(WorkingPattern.PART_TIME);
		}
		if (words.hasAny("flexible*", "flexi")) {
			patterns.add(WorkingPattern.FLEXIBLE);
		}
		if (words.hasAny("job shar*", "jobshar*")) {
			patterns.add(WorkingPattern.JOB_SHARE);
		}
		if (words.hasAny("term time*")) {
			patterns.add(WorkingPattern.TERM_TIME);
		}
		if (words.hasAny("compressed*")) {
			patterns.add(WorkingPattern.COMPRESSED_HOURS);
		}
		return patterns;
	}

	private static @Nullable Double firstHours(@Nullable String hours, @Nullable String pattern,
			@Nullable String title) {
		if (hours != null) {
			Matcher bare = BARE_HOURS.matcher(hours);
			if (bare.matches()) {
				return sensible(Double.parseDouble(bare.group(1)));
			}
		}
		for (String text : new String[] { hours, pattern, title }) {
			if (text != null) {
				Matcher equivalent = WHOLE_TIME_EQUIVALENT.matcher(text.toLowerCase(Locale.ROOT));
				if (equivalent.find()) {
					double fraction = Double.parseDouble(equivalent.group(1));
					return (fraction > 0 && fraction <= 1.5) ? fraction * FULL_TIME_HOURS : null;
				}
				Matcher stated = STATED_HOURS.matcher(text.toLowerCase(Locale.ROOT));
				if (stated.find()) {
					return sensible(Double.parseDouble(stated.group(1)));
				}
			}
		}
		return null;
	}

	private static @Nullable Double sensible(double hours) {
		return (hours > 0 && hours <= 100) ? hours : null;
	}

}
