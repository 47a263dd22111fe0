package uk.nhsjob.ingest.normalise;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Feed text as plain text: HTML tags stripped, entities decoded, whitespace collapsed,
 * cut to a length.
 */
final class PlainText {

	static final int TITLE_LENGTH = 200;

	static final int DESCRIPTION_LENGTH = 20_000;

	/** For names, towns and other one-line fields. */
	static final int LINE_LENGTH = 200;

	/**
	 * What makes jsoup's reading of a text differ from the text with its whitespace
	 * collapsed: markup, entities, and the characters its {@code text()} drops or takes
	 * as whitespace (NUL, no-break space, soft hyphen, zero-width space).
	 */
	private static final String NOT_PLAIN = "<&\0\u00a0\u00ad\u200b";

	private PlainText() {
	}

	/** The plain text of an HTML fragment or a plain string; null when it is blank. */
	static @Nullable String of(@Nullable String html, int maxLength) {
		if (html == null || html.isBlank()) {
			return null;
		}
		// most fields are plain already: jsoup is the most of a vacancy's normalisation
		String parsed = isPlain(html) ? html : Jsoup.parseBodyFragment(html).text();
		String text = collapseSpaces(parsed);
		return text.isEmpty() ? null : cut(text, maxLength);
	}

	/**
	 * Runs of spaces and ASCII control characters as one space, none at either end: as
	 * {@code replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim()}, in one pass.
	 */
	private static String collapseSpaces(String text) {
		StringBuilder collapsed = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c == 0x7f) {
				space = collapsed.length() > 0;
			}
			else {
				if (space) {
					collapsed.append(' ');
					space = false;
				}
				collapsed.append(c);
			}
		}
		return collapsed.toString();
	}

	private static boolean isPlain(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (NOT_PLAIN.indexOf(text.charAt(i)) >= 0) {
				return false;
			}
		}
		return true;
	}

	static @Nullable String line(@Nullable String text) {
		return of(text, LINE_LENGTH);
	}

	private static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return text.substring(0, end).trim();
	}

}
