package uk.nhsjob.ingest.normalise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a feed may put in each field, checked before any field is read: no control
 * characters (line breaks and tabs are whitespace, allowed except in ids), and no more
 * characters than the field can sensibly hold. Title and description are measured as
 * plain text, once their HTML is gone ({@link #plainText}); their raw HTML has a generous
 * cap of its own so that no parser works through megabytes of markup for one field.
 */
final class FieldLimits {

	static final int EXTERNAL_ID_LENGTH = 100;

	/** Markup around a title or description may be this many times its text. */
	private static final int HTML_ALLOWANCE = 10;

	private static final Map<String, Integer> LENGTHS = new LinkedHashMap<>();

	static {
		LENGTHS.put("externalId", EXTERNAL_ID_LENGTH);
		LENGTHS.put("reference", 100);
		LENGTHS.put("title", PlainText.TITLE_LENGTH);
		LENGTHS.put("description", PlainText.DESCRIPTION_LENGTH);
		LENGTHS.put("band", 50);
		LENGTHS.put("salary", 200);
		LENGTHS.put("hours", 100);
		LENGTHS.put("workingPattern", 200);
		LENGTHS.put("contractType", 100);
		LENGTHS.put("specialty", 200);
		LENGTHS.put("employerName", 200);
		LENGTHS.put("postcode", 16);
		LENGTHS.put("town", 100);
		LENGTHS.put("remote", 50);
		LENGTHS.put("postedAt", 50);
		LENGTHS.put("closingDate", 50);
		LENGTHS.put("applyUrl", ApplyUrls.MAX_LENGTH);
	}

	private FieldLimits() {
	}

	/** The most characters a field may hold, as plain text for title and description. */
	static int lengthOf(String field) {
		return LENGTHS.get(field);
	}

	/** Every field that breaks a limit, with why. */
	static List<FieldError> check(RawVacancy raw) {
		List<FieldError> errors = new ArrayList<>();
		check("externalId", raw.externalId(), true, errors);
		check("reference", raw.reference(), true, errors);
		checkHtml("title", raw.title(), errors);
		checkHtml("description", raw.description(), errors);
		check("band", raw.band(), false, errors);
		check("salary", raw.salary(), false, errors);
		check("hours", raw.hours(), false, errors);
		check("workingPattern", raw.workingPattern(), false, errors);
		check("contractType", raw.contractType(), false, errors);
		check("specialty", raw.specialty(), false, errors);
		check("employerName", raw.employerName(), false, errors);
		check("postcode", raw.postcode(), false, errors);
		check("town", raw.town(), false, errors);
		check("remote", raw.remote(), false, errors);
		check("postedAt", raw.postedAt(), false, errors);
		check("closingDate", raw.closingDate(), false, errors);
		check("applyUrl", raw.applyUrl(), true, errors);
		return errors;
	}

	private static void check(String field, @Nullable String value, boolean printableOnly, List<FieldError> errors) {
		if (value == null) {
			return;
		}
		if (hasControlCharacters(value, printableOnly)) {
			errors.add(new FieldError(field,
					printableOnly ? "must hold only printable characters" : "must not hold control characters"));
			return;
		}
		int max = lengthOf(field);
		if (value.strip().length() > max) {
			errors.add(tooLong(field, max));
		}
	}

	private static void checkHtml(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null) {
			return;
		}
		if (hasControlCharacters(value, false)) {
			errors.add(new FieldError(field, "must not hold control characters"));
			return;
		}
		int max = lengthOf(field);
		if (value.length() > max * HTML_ALLOWANCE) {
			errors.add(tooLong(field, max));
		}
	}

	/**
	 * The plain text of a title or description, or null with an error when it is over its
	 * length.
	 */
	static @Nullable String plainText(String field, @Nullable String html, List<FieldError> errors) {
		String text = PlainText.of(html, Integer.MAX_VALUE);
		int max = lengthOf(field);
		if (text != null && text.length() > max) {
			errors.add(tooLong(field, max));
			return null;
		}
		return text;
	}

	static FieldError tooLong(String field, int max) {
		return new FieldError(field, "is longer than " + max + " characters");
	}

	/**
	 * C0 and C1 controls and DEL; tab, line feed and carriage return are allowed as
	 * whitespace unless the field is an id or a link.
	 */
	private static boolean hasControlCharacters(String value, boolean printableOnly) {
		return value.chars()
			.anyMatch((c) -> Character.isISOControl(c) && (printableOnly || (c != '\t' && c != '\n' && c != '\r')));
	}

}
