package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An alert's keywords (docs/matching.md, "Keywords"): every word and
 * {@code "quoted phrase"} must appear in the title or the description, and no
 * {@code -word} or {@code -"phrase"} may. A term that the word rule splits in several
 * ({@code follow-up}) counts as a phrase of those words. Case is ignored; no stemming.
 */
final class KeywordQuery {

	private final List<List<String>> required;

	private final List<List<String>> excluded;

	private KeywordQuery(List<List<String>> required, List<List<String>> excluded) {
		this.required = List.copyOf(required);
		this.excluded = List.copyOf(excluded);
	}

	static KeywordQuery parse(@Nullable String keywords) {
		List<List<String>> required = new ArrayList<>();
		List<List<String>> excluded = new ArrayList<>();
		String text = (keywords != null) ? keywords : "";
		int at = 0;
		while (at < text.length()) {
			if (Character.isWhitespace(text.charAt(at))) {
				at++;
				continue;
			}
			boolean negated = text.charAt(at) == '-';
			if (negated) {
				at++;
			}
			int end;
			String term;
			if (at < text.length() && text.charAt(at) == '"') {
				int close = text.indexOf('"', at + 1);
				end = (close < 0) ? text.length() : close + 1;
				term = text.substring(at + 1, (close < 0) ? text.length() : close);
			}
			else {
				end = at;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
					end++;
				}
				term = text.substring(at, end);
			}
			List<String> words = Words.split(term);
			if (!words.isEmpty()) {
				(negated ? excluded : required).add(words);
			}
			at = end;
		}
		return new KeywordQuery(required, excluded);
	}

	/** Words and phrases that must appear, each as its words in order. */
	List<List<String>> required() {
		return this.required;
	}

	/** Words and phrases that must not appear. */
	List<List<String>> excluded() {
		return this.excluded;
	}

	boolean isEmpty() {
		return this.required.isEmpty() && this.excluded.isEmpty();
	}

	boolean matches(@Nullable String title, @Nullable String description) {
		return isEmpty() || matches(Words.of(title), Words.of(description));
	}

	/** For a vacancy tested against many queries: its words split once. */
	boolean matches(Words titleWords, Words descriptionWords) {
		for (List<String> phrase : this.required) {
			if (!titleWords.contains(phrase) && !descriptionWords.contains(phrase)) {
				return false;
			}
		}
		for (List<String> phrase : this.excluded) {
			if (titleWords.contains(phrase) || descriptionWords.contains(phrase)) {
				return false;
			}
		}
		return true;
	}

}
