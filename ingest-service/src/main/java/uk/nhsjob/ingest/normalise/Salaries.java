package uk.nhsjob.ingest.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.SalaryPeriod;

/**
 * Reads the salary of an advert: {@code £27,485 - £30,162 per annum},
 * {@code £27,485 to £30,162 a year pro rata}, {@code £13.50 per hour}, {@code £13.50ph},
 * {@code £25k-£28k}, {@code Up to £30,000}, {@code Competitive}. Amounts become annual
 * full-time equivalents: UK adverts state full-time pay, adding "pro rata" for part-time
 * posts.
 */
final class Salaries {

	/** Full-time hours a week and weeks a year, as Agenda for Change counts them. */
	static final BigDecimal HOURS_PER_WEEK = new BigDecimal("37.5");

	static final BigDecimal WEEKS_PER_YEAR = new BigDecimal("52.143");

	private static final Pattern AMOUNT = Pattern
		.compile("(£\\s*)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{1,2})?(\\s*k\\b)?");

	/** What a number that is not an amount of money is followed by. */
	private static final Pattern NOT_MONEY_AFTER = Pattern
		.compile("^\\s*(?:%|hours?\\b|hrs?\\b|years?\\b|months?\\b|weeks?\\b|days?\\b|am\\b|pm\\b)");

	/** What a number that is not an amount of money is preceded by. */
	private static final Pattern NOT_MONEY_BEFORE = Pattern.compile("(?:\\bband\\s*|\\bb|\\d/)$");

	private static final Pattern RANGE_BETWEEN = Pattern.compile("^\\s*(?:-|–|—|to|and)\\s*$");

	private static final Pattern PRO_RATA = Pattern.compile("\\bpro[\\s-]?rata\\b");

	private static final Pattern HOUR = Pattern
		.compile("per hour|an hour|a hour|/\\s*hour|/\\s*hr\\b|p/h\\b|(?<![a-z])ph\\b|per hr\\b|hourly");

	private static final Pattern DAY = Pattern.compile("per day|a day|/\\s*day|p/d\\b|daily");

	private static final Pattern WEEK = Pattern.compile("per week|a week|/\\s*week|p/w\\b|(?<![a-z])pw\\b|weekly");

	private static final Pattern MONTH = Pattern.compile("per month|a month|/\\s*month|(?<![a-z])pcm\\b|monthly");

	private static final Pattern YEAR = Pattern
		.compile("per annum|p\\.a\\.|(?<![a-z])pa\\b|a year|per year|/\\s*year|annual|yearly|(?<![a-z])py\\b");

	private static final BigDecimal LARGEST_ANNUAL = BigDecimal.valueOf(10_000_000);

	/** Below this, an amount with no period is an hourly rate. */
	private static final BigDecimal LARGEST_HOURLY_RATE = new BigDecimal("200");

	private Salaries() {
	}

	static Salary parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Salary.NONE;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		boolean proRata = PRO_RATA.matcher(lower).find();
		List<BigDecimal> amounts = amounts(lower);
		if (amounts.isEmpty()) {
			return new Salary(null, null, null, proRata, text);
		}
		SalaryPeriod period = periodOf(lower, amounts.get(amounts.size() - 1));
		Integer min = annual(amounts.get(0), period);
		Integer max = annual(amounts.get(amounts.size() - 1), period);
		if (min == null || max == null) {
			return new Salary(null, null, null, proRata, text);
		}
		if (amounts.size() == 1 && lower.matches("(?s).*\\b(?:up to|max(?:imum)?)\\b.*")) {
			min = null;
		}
		else if (amounts.size() == 1 && lower.matches("(?s).*\\b(?:from|starting|min(?:imum)?)\\b.*")) {
			max = null;
		}
		return new Salary(min, max, period, proRata, text);
	}

	/** At most two amounts, ascending; {@code £25k}'s are thousands. */
	private static List<BigDecimal> amounts(String text) {
		List<Amount> found = new ArrayList<>();
		Matcher matcher = AMOUNT.matcher(text);
		while (matcher.find()) {
			if (!NOT_MONEY_AFTER.matcher(text.substring(matcher.end())).find()
					&& !NOT_MONEY_BEFORE.matcher(text.substring(0, matcher.start())).find()) {
				BigDecimal value = new BigDecimal(
						matcher.group(2).replace(",", "") + ((matcher.group(3) != null) ? matcher.group(3) : ""));
				found.add(new Amount(value, matcher.group(1) != null, matcher.group(4) != null, matcher.start(),
						matcher.end()));
			}
		}
		List<Amount> money = pounds(found, text);
		if (money.isEmpty()) {
			return List.of();
		}
		Amount first = money.get(0);
		Amount second = (money.size() > 1) ? money.get(1) : first;
		// "£25-28k": the k of the second amount is meant for both
		boolean thousands = second.thousands();
		BigDecimal low = first.thousands() || (thousands && first.value().compareTo(BigDecimal.valueOf(1000)) < 0)
				? first.value().multiply(BigDecimal.valueOf(1000)) : first.value();
		BigDecimal high = thousands ? second.value().multiply(BigDecimal.valueOf(1000)) : second.value();
		return (money.size() == 1) ? List.of(low)
				: (low.compareTo(high) <= 0) ? List.of(low, high) : List.of(high, low);
	}

	/**
	 * When any amount has a £ sign, the amounts are those with one and one that follows
	 * one in a range ({@code £25k - 28k}); otherwise every number.
	 */
	private static List<Amount> pounds(List<Amount> found, String text) {
		if (found.stream().noneMatch(Amount::pound)) {
			return found.stream().limit(2).toList();
		}
		List<Amount> money = new ArrayList<>();
		for (int i = 0; i < found.size() && money.size() < 2; i++) {
			Amount amount = found.get(i);
			boolean continuesRange = i > 0 && found.get(i - 1).pound()
					&& RANGE_BETWEEN.matcher(text.substring(found.get(i - 1).end(), amount.start())).matches();
			if (amount.pound() || continuesRange) {
				money.add(amount);
			}
		}
		return money;
	}

	private static SalaryPeriod periodOf(String text, BigDecimal largest) {
		if (HOUR.matcher(text).find()) {
			return SalaryPeriod.HOUR;
		}
		if (DAY.matcher(text).find()) {
			return SalaryPeriod.DAY;
		}
		if (WEEK.matcher(text).find()) {
			return SalaryPeriod.WEEK;
		}
		if (MONTH.matcher(text).find()) {
			return SalaryPeriod.MONTH;
		}
		if (YEAR.matcher(text).find()) {
			return SalaryPeriod.YEAR;
		}
		return (largest.compareTo(LARGEST_HOURLY_RATE) < 0) ? SalaryPeriod.HOUR : SalaryPeriod.YEAR;
	}

	/** Whole pounds a year, full-time; null for an amount no salary comes near. */
	static @Nullable Integer annual(BigDecimal amount, SalaryPeriod period) {
		BigDecimal annual = switch (period) {
			case HOUR -> amount.multiply(HOURS_PER_WEEK).multiply(WEEKS_PER_YEAR);
			case DAY -> amount.multiply(BigDecimal.valueOf(5)).multiply(WEEKS_PER_YEAR);
			case WEEK -> amount.multiply(WEEKS_PER_YEAR);
			case MONTH -> amount.multiply(BigDecimal.valueOf(12));
			case YEAR -> amount;
		};
		return (annual.compareTo(LARGEST_ANNUAL) > 0) ? null : annual.setScale(0, RoundingMode.HALF_UP).intValue();
	}

	private record Amount(BigDecimal value, boolean pound, boolean thousands, int start, int end) {
	}

}
