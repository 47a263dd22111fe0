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

	/**
	 * The text with every line longer than {@code width} broken at spaces, so that a
	 * plain-text reader need not scroll sideways; a word longer than that (a link) is
	 * kept whole on a line of its own, so that it still works when followed.
	 */
	static String wrap(String text, int width) {
		StringBuilder wrapped = new StringBuilder(text.length() + 16);
		for (String line : text.split("\n", -1)) {
			if (!wrapped.isEmpty()) {
				wrapped.append('\n');
			}
			wrapLine(line.stripTrailing(), width, wrapped);
		}
		return wrapped.toString();
	}

	private static void wrapLine(String line, int width, StringBuilder wrapped) {
		int lineLength = 0;
		for (String word : line.split(" +")) {
			if (word.isEmpty()) {
				continue;
			}
			boolean link = word.startsWith("https://") || word.startsWith("http://");
			if (lineLength > 0 && lineLength + 1 + word.length() > width && !link) {
				wrapped.append('\n');
				lineLength = 0;
			}
			else if (lineLength > 0) {
				wrapped.append(' ');
				lineLength++;
			}
			wrapped.append(word);
			lineLength += word.length();
		}
	}

}
