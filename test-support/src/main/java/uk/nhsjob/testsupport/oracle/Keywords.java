package uk.nhsjob.testsupport.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword rule of docs/matching.md ("keywords"): text is split into words on every
 * character that is not a letter or a digit, compared ignoring case, without stemming.
 * Every plain word must appear in the title or the description; a {@code "quoted phrase"}
 * must appear there as consecutive words; {@code -word} and {@code -"phrase"} must not
 * appear. A term that splits into several words ({@code follow-up}, {@code T&O}) counts
 * as a phrase of those words, wanted or excluded alike.
 */
public final class Keywords {

	/**
	 * A term: an optional minus, then a quoted phrase (to the closing quote, or to the
	 * end when there is none) or a run of anything but spaces.
	 */
	private static final Pattern TERM = Pattern.compile("(-?)(?:\"([^\"]*)\"?|(\\S+))");

	private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private final List<List<String>> wanted;

	private final List<List<String>> unwanted;

	private Keywords(List<List<String>> wanted, List<List<String>> unwanted) {
		this.wanted = wanted;
		this.unwanted = unwanted;
	}

	public static Keywords parse(String keywords) {
		List<List<String>> wanted = new ArrayList<>();
		List<List<String>> unwanted = new ArrayList<>();
		Matcher term = TERM.matcher(keywords);
		while (term.find()) {
			List<String> phrase = words((term.group(2) != null) ? term.group(2) : term.group(3));
			if (!phrase.isEmpty()) {
				(term.group(1).isEmpty() ? wanted : unwanted).add(phrase);
			}
		}
		return new Keywords(wanted, unwanted);
	}

	/** Whether a vacancy with this title and description passes. */
	public boolean test(String title, String description) {
		List<String> titleWords = words(title);
		List<String> descriptionWords = words(description);
		return this.wanted.stream().allMatch((phrase) -> appears(phrase, titleWords, descriptionWords))
				&& this.unwanted.stream().noneMatch((phrase) -> appears(phrase, titleWords, descriptionWords));
	}

	private static boolean appears(List<String> phrase, List<String> title, List<String> description) {
		return Collections.indexOfSubList(title, phrase) >= 0 || Collections.indexOfSubList(description, phrase) >= 0;
	}

	/** Runs of letters and digits, lower-cased; every other character separates words. */
	static List<String> words(String text) {
		return WORD_SEPARATORS.splitAsStream(text)
			.filter((word) -> !word.isEmpty())
			.map((word) -> word.toLowerCase(Locale.ROOT))
			.toList();
	}

}
