package uk.nhsjob.ingest.feed.format;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A location as feeds write it in one field, {@code Leeds, LS1 1AA}: a trailing UK
 * postcode is the postcode, the rest the town. The normaliser validates the postcode.
 */
final class Locations {

	private static final Pattern POSTCODE = Pattern.compile("(?i)[a-z]{1,2}[0-9][a-z0-9]?\\s*[0-9][a-z]{2}");

	private Locations() {
	}

	static Place parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return new Place(null, null);
		}
		String trimmed = text.trim();
		int comma = trimmed.lastIndexOf(',');
		String last = trimmed.substring(comma + 1).trim();
		if (POSTCODE.matcher(last).matches()) {
			String town = (comma > 0) ? trimmed.substring(0, comma).trim() : null;
			return new Place((town == null || town.isEmpty()) ? null : town, last);
		}
		return new Place(trimmed, null);
	}

	record Place(@Nullable String town, @Nullable String postcode) {
	}

}
