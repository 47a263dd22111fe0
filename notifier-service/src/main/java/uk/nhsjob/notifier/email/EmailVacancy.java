package uk.nhsjob.notifier.email;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * One vacancy as an email shows it: every text from the feed on one line (the templates
 * escape it), and the apply link only when it is https.
 *
 * @param applyLink an https link to the advert, else null
 * @param applyText an http address, shown as text and never as a link, else null
 */
record EmailVacancy(String title, @Nullable String employer, @Nullable String pay, @Nullable String hours,
		@Nullable String place, @Nullable String closing, @Nullable String applyLink, @Nullable String applyText) {

	/**
	 * The facts shown under the title, in this order and labelled alike in both parts:
	 * pay, hours, place and closing date, each when known.
	 */
	public List<Fact> facts() {
		List<Fact> facts = new ArrayList<>();
		add(facts, "Pay", this.pay);
		add(facts, "Hours", this.hours);
		add(facts, "Where", this.place);
		add(facts, "Closes", this.closing);
		return facts;
	}

	private static void add(List<Fact> facts, String label, @Nullable String value) {
		if (value != null) {
			facts.add(new Fact(label, value));
		}
	}

	/** One labelled line: "Pay: Band 4". */
	record Fact(String label, String value) {
	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

	static EmailVacancy of(MatchedVacancy vacancy) {
		String applyUrl = PlainText.oneLineOrNull(vacancy.applyUrl());
		String scheme = schemeOf(applyUrl);
		return new EmailVacancy(PlainText.oneLine(vacancy.title()), PlainText.oneLineOrNull(vacancy.employerName()),
				pay(vacancy), hours(vacancy), place(vacancy),
				(vacancy.closingDate() != null) ? DATE.format(vacancy.closingDate()) : null,
				"https".equals(scheme) ? applyUrl : null, "http".equals(scheme) ? applyUrl : null);
	}

	private static @Nullable String pay(MatchedVacancy vacancy) {
		return joined(", ", band(vacancy.bandMin(), vacancy.bandMax()), salary(vacancy));
	}

	private static @Nullable String band(@Nullable Band min, @Nullable Band max) {
		if (min == null || max == null || min == max) {
			Band only = (min != null) ? min : max;
			return (only != null) ? only.toString() : null;
		}
		return min + " to " + max.label();
	}

	private static @Nullable String salary(MatchedVacancy vacancy) {
		String stated = PlainText.oneLineOrNull(vacancy.salaryText());
		if (stated != null) {
			return stated;
		}
		Integer min = vacancy.salaryMinAnnual();
		Integer max = vacancy.salaryMaxAnnual();
		if (min == null && max == null) {
			return null;
		}
		if (min == null) {
			return "Up to " + pounds(max) + " a year";
		}
		return ((max == null || max.equals(min)) ? pounds(min) : pounds(min) + " to " + pounds(max)) + " a year";
	}

	private static @Nullable String hours(MatchedVacancy vacancy) {
		String perWeek = null;
		Double hours = vacancy.hoursPerWeek();
		if (hours != null) {
			perWeek = ((hours % 1 == 0) ? String.valueOf(hours.longValue()) : String.valueOf(hours)) + " hours a week";
		}
		String patterns = vacancy.workingPatterns()
			.stream()
			.map(WorkingPattern::name)
			.map((name) -> name.toLowerCase(Locale.ROOT).replace('_', ' '))
			.collect(Collectors.joining(", "));
		return joined(", ", perWeek, patterns.isEmpty() ? null : patterns);
	}

	private static @Nullable String place(MatchedVacancy vacancy) {
		Double miles = vacancy.distanceMiles();
		return joined(", ", PlainText.oneLineOrNull(vacancy.town()),
				(miles != null) ? String.format(Locale.UK, "%.1f miles away", miles) : null);
	}

	private static String pounds(Integer amount) {
		NumberFormat format = NumberFormat.getIntegerInstance(Locale.UK);
		return "£" + format.format(amount);
	}

	private static @Nullable String joined(String separator, @Nullable String... parts) {
		String joined = Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(separator));
		return joined.isEmpty() ? null : joined;
	}

	private static @Nullable String schemeOf(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return (uri.getHost() != null && uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
