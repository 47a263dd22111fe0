package uk.nhsjob.platform.privacy;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A message from a library made fit for a log line (docs/operations.md, "Logs"): every
 * email address in it becomes {@code <address>}, every {@code token=} parameter
 * {@code token=<token>}, and a dump of bytes (Kafka's deserialisers quote a record's
 * whole value as {@code [123, 34, …]}) {@code <bytes>}. For text we did not write, such
 * as an SMTP server's reply, which often quotes the address it refused; our own log lines
 * name alerts by id instead.
 */
public final class Redaction {

	/**
	 * A local part (anything but spaces, brackets and separators) and a domain (letters,
	 * digits, dots and hyphens, ending in a letter or digit).
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("[^\\s<>()\\[\\],;:\"'@]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?");

	private static final Pattern TOKEN = Pattern.compile("(?<=[?&;]token=)[^&\\s\"'<>]+");

	/** Eight numbers or more in a bracketed list: bytes, not a message. */
	private static final Pattern BYTES = Pattern.compile("\\[+-?\\d{1,3}(?:,\\s*-?\\d{1,3}){7,}\\]+");

	private Redaction() {
	}

	/** The text with its addresses and tokens replaced, on one line. */
	public static String of(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
		String withoutBytes = BYTES.matcher(oneLine).replaceAll("<bytes>");
		return TOKEN.matcher(ADDRESS.matcher(withoutBytes).replaceAll("<address>")).replaceAll("<token>");
	}

	/**
	 * A failure as a log line: its class, and its root cause's class and message,
	 * redacted ({@link #of(String)}).
	 */
	public static String ofFailure(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
			root = root.getCause();
		}
		String cause = (root != failure) ? " caused by " + root.getClass().getName() : "";
		return failure.getClass().getName() + cause + ": " + of(root.getMessage());
	}

}
