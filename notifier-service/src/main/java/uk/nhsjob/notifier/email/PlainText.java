package uk.nhsjob.notifier.email;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Text from outside, made safe to put on one line of an email or one header. */
final class PlainText {

	/**
	 * Control and format characters (CR, LF, bidi overrides…) and every kind of space.
	 */
	private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Z}]+");

	private PlainText() {
	}

	/** The text on one line: no CR, LF or other control character, spaces collapsed. */
	static String oneLine(String text) {
		return BREAKS.matcher(text).replaceAll(" ").strip();
	}

	/** As {@link #oneLine(String)}, and null when nothing is left. */
	static @Nullable String oneLineOrNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String line = oneLine(text);
		return line.isEmpty() ? null : line;
	}

}
