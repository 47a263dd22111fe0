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
		String words = joined.toString()
			.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^\\p{L}\\p{N}]+", " ");
		return new Words(words.isBlank() ? " " : words);
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
