package uk.nhsjob.platform.privacy;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A message from a library made fit for a log line (docs/operations.md, "Logs"): every
 * email address in it becomes {@code <address>} and every {@code token=} parameter
 * {@code token=<token>}. For text we did not write, such as an SMTP server's reply, which
 * often quotes the address it refused; our own log lines name alerts by id instead.
 */
public final class Redaction {

	/**
	 * A local part (anything but spaces, brackets and separators) and a domain (letters,
	 * digits, dots and hyphens, ending in a letter or digit).
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("[^\\s<>()\\[\\],;:\"'@]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?");

	private static final Pattern TOKEN = Pattern.compile("(?<=[?&;]token=)[^&\\s\"'<>]+");

	private Redaction() {
	}

	/** The text with its addresses and tokens replaced, on one line. */
	public static String of(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
		return TOKEN.matcher(ADDRESS.matcher(oneLine).replaceAll("<address>")).replaceAll("<token>");
	}

}
