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

	private PlainText() {
	}

	/** The plain text of an HTML fragment or a plain string; null when it is blank. */
	static @Nullable String of(@Nullable String html, int maxLength) {
		if (html == null || html.isBlank()) {
			return null;
		}
		String text = Jsoup.parseBodyFragment(html).text().replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
		return text.isEmpty() ? null : cut(text, maxLength);
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
