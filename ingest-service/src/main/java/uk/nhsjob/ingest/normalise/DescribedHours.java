package uk.nhsjob.ingest.normalise;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * Hours and working patterns that an advert states only in its description, read from
 * phrases that can mean nothing else: hours <em>a week</em> ({@code 22.5 hours per week},
 * {@code 37.5 hrs/week}), and a pattern said of the post itself
 * ({@code a full time post}, {@code on a part-time basis},
 * {@code the post is suitable for a job share}, {@code Part time, 22.5 hours per week},
 * {@code Working pattern: Part time}).
 * <p>
 * Descriptions are full of numbers and pattern words that say nothing of the post's
 * hours: opening times ({@code open 8am–6pm}), deadlines ({@code within 48 hours},
 * {@code 48-hour turnaround}), {@code 24 hours a day}, leave counted in hours, and the
 * offer of flexible working, part time and job shares made to all staff on nearly every
 * NHS advert. So: hours count only when counted per week, and not as a range or a limit
 * ({@code 15-22.5 hours per week}, {@code up to 48 hours per week}); different hours
 * stated twice count as none; a pattern word counts only beside the post, its basis, the
 * person sought, a {@code Working pattern:} label or its hours, or as a sentence of its
 * own; {@code FLEXIBLE} only from such a label.
 */
final class DescribedHours {

	private static final Pattern HOURS_A_WEEK = Pattern
		.compile("(?<![\\d.,])(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:hours|hour|hrs|hr)\\s*"
				+ "(?:(?:per|a|each|every)\\s+(?:week|wk)|/\\s*(?:week|wk)|pw|p/w|weekly)\\b");

	/**
	 * {@code Hours per week: 37.5}: a label that can only mean the post's week, and a
	 * number that is not the start of a time or a range.
	 */
	private static final Pattern LABELLED_HOURS = Pattern
		.compile("\\b(?:hours per week|hours a week|hours pw|weekly hours|contracted hours)\\s*:?\\s*"
				+ "(\\d{1,2}(?:\\.\\d{1,2})?)(?![\\d:]|\\.\\d|\\s*(?:-|am\\b|pm\\b|to\\b|and\\b|or\\b))");

	/** What before hours a week makes them a range or a limit rather than the post's. */
	private static final Pattern RANGE_OR_LIMIT = Pattern
		.compile("(?:\\d\\s*(?:-|to|and|or)|up\\s*to|max\\w*|min\\w*(?:\\s+of)?|at\\s+least|between|over|more\\s+than"
				+ "|less\\s+than|under|around|approx\\w*|average\\s+of)\\s*$");

	private static final String PATTERN_WORD = "(?:full time|fulltime|part time|parttime|job share|job sharing|jobshare"
			+ "|term time|compressed hours)(?! equivalent )";

	/** One or more pattern words in a row: {@code full time or part time}. */
	private static final String PATTERN_WORDS = "(" + PATTERN_WORD + "(?: (?:or|and) " + PATTERN_WORD + ")*)";

	/** Words that make what follows someone else's post: {@code for all roles}. */
	private static final String ANOTHER_POST = "(?:all|any|every|each|our|other|most|many|some)";

	/** What a post is called: a pattern word beside one of these is the post's. */
	private static final String POST = "(?:posts?|positions?|roles?|vacancy|vacancies|contracts?|basis|opportunity"
			+ "|job(?! shar))";

	/**
	 * {@code a full time post}, {@code full time, permanent role},
	 * {@code part time basis}.
	 */
	private static final Pattern BEFORE_THE_POST = Pattern
		.compile(" (" + PATTERN_WORD + ")(?= (?:(?!job shar|" + ANOTHER_POST + " )[a-z0-9]+ ){0,4}?" + POST + " )");

	/** {@code a full-time medical secretary}: the person the advert looks for. */
	private static final Pattern BEFORE_THE_PERSON = Pattern.compile(" (?:a|an) (?:[a-z]+ ){0,2}?(" + PATTERN_WORD
			+ ")(?= (?:[a-z]+ ){0,3}?(?:secretary|receptionist|administrator|pa|personal assistant|coder) )");

	/** {@code the post is part time}, {@code this role is suitable for a job share}. */
	private static final Pattern SAID_OF_THE_POST = Pattern.compile("(?<! " + ANOTHER_POST + ") " + POST
			+ " (?:is|will be) (?:(?:a|an|offered|on|as|available|for|only|suitable|considered|being) ){0,4}"
			+ PATTERN_WORDS + " ");

	/**
	 * {@code Part time, 22.5 hours per week}, {@code 37.5 hours per week (full time)}.
	 */
	private static final Pattern BESIDE_ITS_HOURS = Pattern.compile(" " + PATTERN_WORDS
			+ " (?:(?:post|role|position|of|at|working|for|contracted|a|an) ){0,3}\\d+(?:\\.\\d+)? (?:hours|hrs) |"
			+ " (?:hours|hrs) (?:per|a|each) week " + PATTERN_WORDS + " ");

	/** {@code Working pattern: Full time, Part time, Flexible working}. */
	private static final Pattern LABEL = Pattern
		.compile(" (?:working patterns?|working hours|hours of work|hours) : ((?:(?:" + PATTERN_WORD
				+ "|flexible working|flexible|flexi time)(?: and| or)? )+)");

	/**
	 * {@code Full-time.}, {@code Part time, permanent.}: a sentence of nothing but the
	 * post's pattern and contract.
	 */
	private static final Pattern A_SENTENCE_OF_ITS_OWN = Pattern.compile("(?:^| \\.) ((?:(?:" + PATTERN_WORD
			+ "|permanent|fixed term|temporary|bank|substantive)(?: and| or)? )+)(?:\\.|$)");

	private DescribedHours() {
	}

	/** What the description states, by those phrases; nothing when it states nothing. */
	static Hours in(@Nullable String description) {
		if (description == null || description.isBlank()) {
			return new Hours(null, List.of());
		}
		String lower = description.toLowerCase(Locale.ROOT).replace('–', '-').replace('—', '-');
		Double perWeek = hoursAWeek(lower);
		Set<WorkingPattern> patterns = EnumSet.noneOf(WorkingPattern.class);
		String tokens = tokens(lower);
		for (Pattern phrase : List.of(BEFORE_THE_POST, BEFORE_THE_PERSON, SAID_OF_THE_POST, BESIDE_ITS_HOURS, LABEL,
				A_SENTENCE_OF_ITS_OWN)) {
			Matcher matcher = phrase.matcher(tokens);
			while (matcher.find()) {
				for (int group = 1; group <= matcher.groupCount(); group++) {
					if (matcher.group(group) != null) {
						patterns.addAll(WorkingHours.patternsIn(matcher.group(group)));
					}
				}
			}
		}
		if (perWeek != null) {
			patterns
				.add((perWeek >= WorkingHours.FULL_TIME_HOURS) ? WorkingPattern.FULL_TIME : WorkingPattern.PART_TIME);
		}
		return new Hours(perWeek, List.copyOf(patterns));
	}

	/** The hours a week the description states, when it states one figure. */
	private static @Nullable Double hoursAWeek(String lower) {
		Set<Double> stated = new HashSet<>();
		Matcher hours = HOURS_A_WEEK.matcher(lower);
		while (hours.find()) {
			String before = lower.substring(Math.max(0, hours.start() - 20), hours.start());
			double value = Double.parseDouble(hours.group(1));
			if (!RANGE_OR_LIMIT.matcher(before).find() && value > 0) {
				stated.add(value);
			}
		}
		Matcher labelled = LABELLED_HOURS.matcher(lower);
		while (labelled.find()) {
			double value = Double.parseDouble(labelled.group(1));
			if (value > 0) {
				stated.add(value);
			}
		}
		return (stated.size() == 1) ? stated.iterator().next() : null;
	}

	/**
	 * Lower-case words and numbers between single spaces; a full stop, semicolon,
	 * question or exclamation mark as {@code .} and a colon as {@code :}, so that no
	 * phrase runs from one sentence into the next; a decimal point is kept.
	 */
	private static String tokens(String lower) {
		String marked = lower.replaceAll("(?<!\\d)\\.|\\.(?!\\d)|[;!?]", " . ")
			.replace(":", " : ")
			.replace("&", " and ");
		return " " + marked.replaceAll("[^\\p{L}\\p{N}.:]+", " ").replaceAll("\\s+", " ").trim() + " ";
	}

}
