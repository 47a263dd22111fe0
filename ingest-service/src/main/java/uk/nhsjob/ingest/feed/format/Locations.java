package uk.nhsjob.ingest.feed.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A location as feeds write it in one field, {@code Leeds, LS1 1AA} or
 * {@code Leeds LS1 1AA}: a trailing UK postcode is the postcode, the rest the town. The
 * normaliser validates the postcode.
 */
final class Locations {

	/** A full UK postcode at the end, standing apart from what comes before it. */
	private static final Pattern TRAILING_POSTCODE = Pattern
		.compile("(?i)(?<![a-z0-9])[a-z]{1,2}[0-9][a-z0-9]?\\s{0,3}[0-9][a-z]{2}$");

	/** The longest a postcode may be, its spaces included. */
	private static final int LONGEST_POSTCODE = 11;

	private Locations() {
	}

	static Place parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return new Place(null, null);
		}
		String trimmed = text.trim();
		// only the end is searched, so that a long text costs no more than a short one
		Matcher trailing = TRAILING_POSTCODE.matcher(trimmed)
			.region(Math.max(0, trimmed.length() - LONGEST_POSTCODE), trimmed.length())
			.useTransparentBounds(true);
		if (trailing.find()) {
			String town = withoutTrailingSeparators(trimmed.substring(0, trailing.start()));
			return new Place(town.isEmpty() ? null : town, trailing.group());
		}
		return new Place(trimmed, null);
	}

	private static String withoutTrailingSeparators(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == ',' || Character.isWhitespace(text.charAt(end - 1)))) {
			end--;
		}
		return text.substring(0, end).trim();
	}

	record Place(@Nullable String town, @Nullable String postcode) {
	}

}
