package uk.nhsjob.testsupport.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keyword rule of docs/matching.md ("keywords"): text is split into words on every
 * character that is not a letter or a digit, compared ignoring case, without stemming.
 * Every plain word must appear in the title or the description; a {@code "quoted phrase"}
 * must appear there as consecutive words; {@code -word} and {@code -"phrase"} must not
 * appear. A plain term that splits into several words ({@code audio-typing}) asks for
 * each of them; an excluded one ({@code -audio-typing}) excludes them as a phrase.
 */
public final class Keywords {

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
		int i = 0;
		while (i < keywords.length()) {
			char c = keywords.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean excluded = c == '-' && i + 1 < keywords.length() && !Character.isWhitespace(keywords.charAt(i + 1));
			int start = excluded ? i + 1 : i;
			int end;
			List<String> words;
			if (keywords.charAt(start) == '"') {
				int close = keywords.indexOf('"', start + 1);
				end = (close < 0) ? keywords.length() : close + 1;
				words = words(keywords.substring(start + 1, (close < 0) ? keywords.length() : close));
				(excluded ? unwanted : wanted).add(words);
			}
			else {
				end = start;
				while (end < keywords.length() && !Character.isWhitespace(keywords.charAt(end))) {
					end++;
				}
				words = words(keywords.substring(start, end));
				if (excluded) {
					unwanted.add(words);
				}
				else {
					words.forEach((word) -> wanted.add(List.of(word)));
				}
			}
			i = end;
		}
		wanted.removeIf(List::isEmpty);
		unwanted.removeIf(List::isEmpty);
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
