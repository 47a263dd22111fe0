package uk.nhsjob.ingest.feed.format;

import java.math.BigDecimal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A structured salary (minimum, maximum, unit) written as the text the normaliser reads,
 * {@code £27485 - £30162 per year}, so that salaries are understood in one place.
 */
final class SalaryTexts {

	private SalaryTexts() {
	}

	/**
	 * @param unit HOUR, DAY, WEEK, MONTH or YEAR, or words that say one of them
	 * ({@code per annum}, {@code Hourly}); a year when none
	 * @return nothing when neither amount is a number
	 */
	static @Nullable String of(@Nullable String min, @Nullable String max, @Nullable String unit) {
		String low = amount(min);
		String high = amount(max);
		if (low == null && high == null) {
			return null;
		}
		String range = (low != null && high != null && !low.equals(high)) ? "£" + low + " - £" + high
				: "£" + ((low != null) ? low : high);
		if (low == null) {
			range = "Up to " + range;
		}
		return range + " per " + period(unit);
	}

	private static @Nullable String amount(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replace("£", "").replace(",", "").trim();
		try {
			BigDecimal amount = new BigDecimal(cleaned);
			return (amount.signum() > 0) ? amount.stripTrailingZeros().toPlainString() : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String period(@Nullable String unit) {
		String lower = (unit != null) ? unit.toLowerCase(Locale.ROOT) : "";
		for (String period : new String[] { "hour", "day", "week", "month" }) {
			if (lower.contains(period)) {
				return period;
			}
		}
		return "year";
	}

}
