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
 * ({@code 15-22.5 hours per week}, {@code up to 48 hours per week}), nor as someone
 * else's week or the full-time week a salary is counted from
 * ({@code staff working 37.5 hours per week}, {@code a full time equivalent of 37.5 hours
 * per week}); different hours stated twice count as none; a pattern word counts only
 * beside the post, its basis, the person sought, the post holder's work, a
 * {@code Working pattern:} label or its hours, or as a sentence of its own, and not after
 * words that make it another post's ({@code experience in a similar full time role});
 * {@code FLEXIBLE} only from such a label.
 * <p>
 * A description is up to 20,000 characters of anyone's text: every repetition in these
 * phrases is bounded, so that no text makes the matcher recurse deeply or backtrack far.
 */
final class DescribedHours {

	private static final Pattern HOURS_A_WEEK = Pattern
		.compile("(?<![\\d.,])(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:(?:hours|hour|hrs|hr)\\s*"
				+ "(?:(?:per|a|each|every)\\s+(?:week|wk)\\b|/\\s*(?:week|wk)\\b|pw\\b|p/w\\b|p\\.w\\b|weekly\\b)"
				+ "|hpw\\b)");

	/**
	 * What before hours a week makes them someone else's or the full-time week a salary
	 * is counted from: {@code staff working 37.5 hours per week},
	 * {@code pro rata to a full time equivalent of 37.5 hours per week}.
	 */
	private static final Pattern NOT_THE_POSTS_WEEK = Pattern
		.compile("\\b(?:equivalent|fte|wte|staff|employees|colleagues|those|anyone|everyone|people|if you"
				+ "|full[ -]?time (?:hours|week))\\b");

	/**
	 * {@code Hours per week: 37.5}: a label that can only mean the post's week, and a
	 * number that is not the start of a time or a range.
	 */
	private static final Pattern LABELLED_HOURS = Pattern
		.compile("\\b(?:hours per week|hours a week|hours pw|weekly hours|contracted hours)\\s*:?\\s*"
				+ "(\\d{1,2}(?:\\.\\d{1,2})?)(?![\\d:]|\\.\\d|\\s*(?:-|am\\b|pm\\b|to\\b|and\\b|or\\b))");

	/**
	 * {@code Hours: 37.5 per week}: an hours label, and the number counted per week; not
	 * the hours of a clinic or an office ({@code Opening hours: 60 per week}).
	 */
	private static final Pattern HOURS_LABEL_PER_WEEK = Pattern
		.compile("\\b(?:working hours|hours of work|contracted hours|hours"
				+ "(?<!(?:opening|clinic|surgery|office|core|operating|service|visiting|practice|reception) hours))"
				+ "\\s*:\\s*(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:per|a|each)\\s+week\\b");

	/** What before hours a week makes them a range or a limit rather than the post's. */
	private static final Pattern RANGE_OR_LIMIT = Pattern
		.compile("(?:\\d\\s*(?:-|to|and|or)|up\\s*to|max\\w*|min\\w*(?:\\s+of)?|at\\s+least|between|over|more\\s+than"
				+ "|less\\s+than|under|around|approx\\w*|average\\s+of)\\s*$");

	private static final String PATTERN_WORD = "(?:full time|fulltime|part time|parttime|job share|job sharing|jobshare"
			+ "|term time|compressed hours)(?! equivalent )";

	/** One or more pattern words in a row: {@code full time or part time}. */
	private static final String PATTERN_WORDS = "(" + PATTERN_WORD + "(?: (?:or|and) " + PATTERN_WORD + "){0,5})";

	/** Words that make what follows someone else's post: {@code for all roles}. */
	private static final String ANOTHER_POST = "(?:all|any|every|each|our|other|most|many|some)";

	/** What a post is called: a pattern word beside one of these is the post's. */
	private static final String POST = "(?:posts?|positions?|roles?|vacancy|vacancies|contracts?|basis|opportunity"
			+ "|job(?! shar))";

	/** The post in the plural: the advert's own only when counted ({@code two posts}). */
	private static final String POSTS = "(?:posts|positions|roles|vacancies|contracts|opportunities)";

	private static final String BETWEEN_PATTERN_AND_POST = "(?:(?!job shar|" + ANOTHER_POST + " )[a-z0-9]+ ){0,4}?";

	/**
	 * {@code a full time post}, {@code full time, permanent role},
	 * {@code part time basis}, {@code two part time posts}; not {@code part-time roles}
	 * uncounted, which are anyone's.
	 */
	private static final Pattern BEFORE_THE_POST = Pattern.compile(" (" + PATTERN_WORD + ")(?= "
			+ BETWEEN_PATTERN_AND_POST + "(?!" + POSTS + " )" + POST + " )| (?:two|three|four|both|\\d) ("
			+ PATTERN_WORD + ")(?= " + BETWEEN_PATTERN_AND_POST + POSTS + " )");

	/**
	 * {@code You will work part time}, {@code a medical secretary to work full time}: the
	 * post holder's pattern.
	 */
	private static final Pattern WORKED_BY_THE_POST_HOLDER = Pattern.compile(
			" (?:(?:you|post holder|postholder|successful candidate|successful applicant) will (?:be )?work(?:ing)?"
					+ "|(?:secretary|receptionist|coder|administrator|pa|assistant) to work) (?:on a )?" + PATTERN_WORDS
					+ " ");

	/**
	 * Words that, shortly before a pattern word in its sentence, make it another post's
	 * or a past one's: {@code experience in a similar full time role},
	 * {@code many part time posts}, {@code this is not a full time post}.
	 */
	private static final Set<String> NOT_THIS_POST = Set.of("experience", "previous", "previously", "worked", "similar",
			"other", "others", "all", "any", "many", "some", "most", "every", "each", "not", "no", "never", "former",
			"including");

	/** How many words before a pattern word {@link #NOT_THIS_POST} is looked for. */
	private static final int WORDS_BEFORE = 4;

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
				+ "|flexible working|flexible|flexi time)(?: and| or)? ){1,8})");

	/**
	 * {@code Full-time.}, {@code Part time, permanent.}: a sentence of nothing but the
	 * post's pattern and contract.
	 */
	private static final Pattern A_SENTENCE_OF_ITS_OWN = Pattern.compile("(?:^| \\.) ((?:(?:" + PATTERN_WORD
			+ "|permanent|fixed term|temporary|bank|substantive)(?: and| or)? ){1,8})(?:\\.|$)");

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
		for (Pattern phrase : List.of(BEFORE_THE_POST, BEFORE_THE_PERSON, SAID_OF_THE_POST, WORKED_BY_THE_POST_HOLDER,
				BESIDE_ITS_HOURS, LABEL, A_SENTENCE_OF_ITS_OWN)) {
			Matcher matcher = phrase.matcher(tokens);
			while (matcher.find()) {
				for (int group = 1; group <= matcher.groupCount(); group++) {
					if (matcher.group(group) != null && !anotherPost(tokens, matcher.start(group))) {
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

	/**
	 * Whether one of the few words before a position in its sentence makes what follows
	 * another post's ({@link #NOT_THIS_POST}).
	 */
	private static boolean anotherPost(String tokens, int position) {
		int from = position;
		for (int words = 0; words <= WORDS_BEFORE && from > 0; words++) {
			from = tokens.lastIndexOf(' ', from - 1);
		}
		String[] words = tokens.substring(Math.max(0, from), position).trim().split(" ");
		for (int i = words.length - 1; i >= 0 && !".".equals(words[i]); i--) {
			if (NOT_THIS_POST.contains(words[i])) {
				return true;
			}
		}
		return false;
	}

	/** The hours a week the description states, when it states one figure. */
	private static @Nullable Double hoursAWeek(String lower) {
		Set<Double> stated = new HashSet<>();
		Matcher hours = HOURS_A_WEEK.matcher(lower);
		while (hours.find()) {
			String before = lower.substring(Math.max(0, hours.start() - 20), hours.start());
			double value = Double.parseDouble(hours.group(1));
			if (!RANGE_OR_LIMIT.matcher(before).find()
					&& !NOT_THE_POSTS_WEEK.matcher(sentenceBefore(lower, hours.start())).find() && value > 0) {
				stated.add(value);
			}
		}
		for (Pattern label : List.of(LABELLED_HOURS, HOURS_LABEL_PER_WEEK)) {
			Matcher labelled = label.matcher(lower);
			while (labelled.find()) {
				double value = Double.parseDouble(labelled.group(1));
				if (value > 0) {
					stated.add(value);
				}
			}
		}
		return (stated.size() == 1) ? stated.iterator().next() : null;
	}

	/** Up to 60 characters before a position, from the start of its sentence. */
	private static String sentenceBefore(String lower, int position) {
		String before = lower.substring(Math.max(0, position - 60), position);
		int end = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf(';')),
				Math.max(before.lastIndexOf('!'), before.lastIndexOf('?')));
		return (end >= 0) ? before.substring(end + 1) : before;
	}

	/**
	 * Lower-case words and numbers between single spaces; a full stop, semicolon,
	 * question or exclamation mark as {@code .} and a colon as {@code :}, so that no
	 * phrase runs from one sentence into the next; a decimal point is kept.
	 */
	private static String tokens(String lower) {
		// one pass rather than a chain of replaceAll: it runs on every description read
		StringBuilder tokens = new StringBuilder(lower.length() + 16).append(' ');
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (c == '.' && !(isDigit(lower, i - 1) && isDigit(lower, i + 1)) || c == ';' || c == '!' || c == '?') {
				space(tokens).append(". ");
			}
			else if (c == ':') {
				space(tokens).append(": ");
			}
			else if (c == '&') {
				space(tokens).append("and ");
			}
			else if (c == '.' || Character.isLetter(c) || isNumber(c)) {
				tokens.append(c);
			}
			else {
				space(tokens);
			}
		}
		return space(tokens).toString();
	}

	/** Ends the tokens so far with one space. */
	private static StringBuilder space(StringBuilder tokens) {
		return (tokens.charAt(tokens.length() - 1) == ' ') ? tokens : tokens.append(' ');
	}

	private static boolean isDigit(String text, int index) {
		return index >= 0 && index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
	}

	private static boolean isNumber(char c) {
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

}
