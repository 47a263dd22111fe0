package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A text as the keyword rules see it: words split on every character that is not a letter
 * or digit, in lower case, in their order.
 */
final class Words {

	private static final Words NONE = new Words(List.of());

	private final List<String> sequence;

	private final Set<String> distinct;

	private Words(List<String> sequence) {
		this.sequence = sequence;
		this.distinct = new HashSet<>(sequence);
	}

	static Words of(@Nullable String text) {
		return (text != null) ? new Words(split(text)) : NONE;
	}

	static List<String> split(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			if (Character.isLetterOrDigit(codePoint)) {
				word.appendCodePoint(codePoint);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString().toLowerCase(Locale.ROOT));
				word.setLength(0);
			}
		});
		if (!word.isEmpty()) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
		}
		return words;
	}

	/** Whether the phrase's words appear one after another; a single word anywhere. */
	boolean contains(List<String> phrase) {
		if (phrase.size() == 1) {
			return this.distinct.contains(phrase.get(0));
		}
		if (!this.distinct.containsAll(phrase)) {
			return false;
		}
		for (int start = 0; start + phrase.size() <= this.sequence.size(); start++) {
			if (this.sequence.subList(start, start + phrase.size()).equals(phrase)) {
				return true;
			}
		}
		return false;
	}

}
