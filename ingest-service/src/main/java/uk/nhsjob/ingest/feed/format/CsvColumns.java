package uk.nhsjob.ingest.feed.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * CSV headers onto fields: the NHSBSA open-data columns, the native JSON names and the
 * labels people type in a spreadsheet, matched ignoring case, spaces, underscores and
 * hyphens. Besides the native fields there are the NHSBSA salary range columns, and
 * {@link #LOCATION}, which may hold a town and a postcode together.
 */
final class CsvColumns {

	static final String SALARY_MIN = "salaryMin";

	static final String SALARY_MAX = "salaryMax";

	static final String SALARY_UNIT = "salaryUnit";

	static final String LOCATION = "location";

	private static final Map<String, String> FIELDS = new HashMap<>();

	static {
		RawVacancy.FIELDS.forEach((field) -> FIELDS.put(key(field), field));
		alias("externalId", "VACANCY_ID", "Vacancy ID", "ID");
		alias("reference", "JOB_REFERENCE", "Job reference", "Ref");
		alias("employerName", "EMPLOYER_NAME", "Employer");
		alias("title", "JOB_TITLE", "Job title");
		alias("band", "PAY_BAND", "Pay band");
		alias("contractType", "CONTRACT_TYPE", "Contract type");
		alias("workingPattern", "WORKING_PATTERN", "Working pattern");
		alias("postcode", "EMPLOYER_POSTCODE", "Postcode");
		alias("closingDate", "CLOSING_DATE", "Closing date");
		alias("postedAt", "DATE_POSTED", "Date posted", "Posted", "Posted date", "Post date");
		alias("specialty", "Department", "AREA_OF_WORK", "Speciality");
		alias("applyUrl", "Apply URL", "Link");
		alias("town", "Town");
		alias(LOCATION, "Location");
		alias(SALARY_MIN, "SALARY_RANGE_MIN");
		alias(SALARY_MAX, "SALARY_RANGE_MAX");
		alias(SALARY_UNIT, "SALARY_TIME_UNIT");
	}

	private CsvColumns() {
	}

	private static void alias(String field, String... headers) {
		for (String header : headers) {
			FIELDS.put(key(header), field);
		}
	}

	/** The field a header names, or nothing for a column this service does not read. */
	static @Nullable String field(String header) {
		return FIELDS.get(key(header));
	}

	/** The fields of a header row, by column; nothing for columns not read. */
	static List<@Nullable String> fields(List<String> headers) {
		return headers.stream().map(CsvColumns::field).toList();
	}

	private static String key(String header) {
		return header.replaceAll("[\\s_\\-\\uFEFF]", "").toLowerCase(Locale.ROOT);
	}

}
