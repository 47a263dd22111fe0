package uk.nhsjob.platform.postcode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A UK postcode, full ({@code LS1 4AP}) or outward code only ({@code LS6}), upper case
 * with one space.
 *
 * @param outward the district: {@code LS1}
 * @param inward the rest of a full postcode ({@code 4AP}); null for an outward code
 */
public record Postcode(String outward, @Nullable String inward) {

	private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

	private static final Pattern INWARD = Pattern.compile("[0-9][A-Z]{2}");

	/** Longest input worth looking at: "SW1A 1AA" with a few stray spaces. */
	private static final int MAX_INPUT_LENGTH = 16;

	/**
	 * Reads a postcode however it was typed ({@code ls14ap}, {@code LS1  4AP},
	 * {@code ls6}); empty when it is not one.
	 */
	public static Optional<Postcode> parse(@Nullable String text) {
		if (text == null || text.length() > MAX_INPUT_LENGTH) {
			return Optional.empty();
		}
		String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		if (OUTWARD.matcher(compact).matches()) {
			return Optional.of(new Postcode(compact, null));
		}
		if (compact.length() >= 5) {
			String outward = compact.substring(0, compact.length() - 3);
			String inward = compact.substring(compact.length() - 3);
			if (OUTWARD.matcher(outward).matches() && INWARD.matcher(inward).matches()) {
				return Optional.of(new Postcode(outward, inward));
			}
		}
		return Optional.empty();
	}

	public boolean isFull() {
		return this.inward != null;
	}

	/** The sector of a full postcode ({@code LS1 4}); empty for an outward code. */
	public Optional<String> sector() {
		return (this.inward != null) ? Optional.of(this.outward + " " + this.inward.charAt(0)) : Optional.empty();
	}

	@Override
	public String toString() {
		return (this.inward != null) ? this.outward + " " + this.inward : this.outward;
	}

}
