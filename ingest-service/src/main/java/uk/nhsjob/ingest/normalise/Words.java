package uk.nhsjob.ingest.normalise;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A text as lower-case words separated by single spaces, with a space at each end, so
 * that phrases match on word boundaries: {@code "Trauma & Orthopaedics"} becomes
 * {@code " trauma and orthopaedics "}.
 * <p>
 * A phrase matches as whole words ({@code "ent"} does not match "agent"); a phrase ending
 * in {@code *} matches words that start with it ({@code "cardio*"} matches "cardiology"
 * and "cardiologist").
 */
final class Words {

	private final String text;

	private Words(String text) {
		this.text = text;
	}

	static Words of(@Nullable String... texts) {
		StringBuilder joined = new StringBuilder(" ");
		for (String text : texts) {
			if (text != null) {
				joined.append(text).append(' ');
			}
		}
		String words = lettersAndDigits(joined.toString().toLowerCase(Locale.ROOT).replace("&", " and "));
		return new Words(words.isBlank() ? " " : words);
	}

	/**
	 * Each run of characters that are neither letters nor numbers as one space: as
	 * {@code replaceAll("[^\\p{L}\\p{N}]+", " ")}, in one pass (it runs for every rule of
	 * every vacancy).
	 */
	private static String lettersAndDigits(String text) {
		StringBuilder words = new StringBuilder(text.length());
		boolean inRun = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isLetter(c) || isNumber(c)) {
				words.appendCodePoint(c);
				inRun = false;
			}
			else if (!inRun) {
				words.append(' ');
				inRun = true;
			}
		}
		return words.toString();
	}

	private static boolean isNumber(int c) {
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	boolean has(String phrase) {
		return indexOf(phrase) >= 0;
	}

	boolean hasAny(String... phrases) {
		for (String phrase : phrases) {
			if (has(phrase)) {
				return true;
			}
		}
		return false;
	}

	/** Where the phrase first appears, or -1. */
	int indexOf(String phrase) {
		return phrase.endsWith("*") ? this.text.indexOf(" " + phrase.substring(0, phrase.length() - 1))
				: this.text.indexOf(" " + phrase + " ");
	}

	/** The first of the phrases to appear in the text, or -1 when none does. */
	int firstIndexOfAny(String... phrases) {
		int first = -1;
		for (String phrase : phrases) {
			int index = indexOf(phrase);
			if (index >= 0 && (first < 0 || index < first)) {
				first = index;
			}
		}
		return first;
	}

	@Override
	public String toString() {
		return this.text.trim();
	}

}
