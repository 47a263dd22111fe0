package uk.nhsjob.ingest.normalise;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;

/**
 * A stated Agenda for Change band or range of bands: {@code Band 4}, {@code AfC Band 4},
 * {@code B4}, {@code Band 3/4}, {@code Band 3-4}, {@code Band 8a}, or a bare {@code 4} in
 * a band field.
 */
final class Bands {

	private static final String LABEL = "(\\d[a-d]?)";

	private static final String RANGE = "(?:\\s*(?:/|-|–|to|or|and|&)\\s*(?:bands?\\s*|b)?" + LABEL + ")?";

	private static final Pattern NAMED = Pattern.compile("\\b(?:bands?\\s*|b)" + LABEL + RANGE + "\\b");

	private static final Pattern BARE = Pattern.compile("\\s*" + LABEL + RANGE + "\\s*");

	private Bands() {
	}

	/** The band named in a text such as a title or a salary. */
	static Optional<BandRange> named(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = NAMED.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			Optional<BandRange> range = rangeOf(matcher.group(1), matcher.group(2));
			if (range.isPresent()) {
				return range;
			}
		}
		return Optional.empty();
	}

	/** A band field: a band named as in a text, or just its label. */
	static Optional<BandRange> field(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher bare = BARE.matcher(text.toLowerCase(Locale.ROOT));
		return bare.matches() ? rangeOf(bare.group(1), bare.group(2)) : named(text);
	}

	private static Optional<BandRange> rangeOf(String first, @Nullable String second) {
		try {
			Band min = Band.fromLabel(first);
			return Optional.of(new BandRange(min, (second != null) ? Band.fromLabel(second) : min));
		}
		catch (IllegalArgumentException notABand) {
			return Optional.empty();
		}
	}

}
