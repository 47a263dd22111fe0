package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import uk.nhsjob.ingest.normalise.FieldError;
import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * One schema.org JobPosting onto the raw vacancy: {@code identifier} (text or a
 * PropertyValue), {@code hiringOrganization.name}, {@code jobLocation[].address},
 * {@code jobLocationType: TELECOMMUTE}, {@code employmentType} (text or a list), and
 * {@code baseSalary} as a MonetaryAmount, written as text for the normaliser.
 */
final class JobPostings {

	private static final Map<String, String> PATTERNS = Map.of("FULL_TIME", "Full time", "PART_TIME", "Part time");

	private static final Map<String, String> CONTRACTS = Map.of("TEMPORARY", "Temporary", "CONTRACTOR", "Fixed term",
			"PER_DIEM", "Bank", "PERMANENT", "Permanent");

	private JobPostings() {
	}

	/** Typed as a JobPosting, or not typed at all. */
	static boolean isJobPosting(JsonNode item) {
		JsonNode type = item.path("@type");
		if (type.isMissingNode()) {
			return true;
		}
		for (JsonNode each : type.isArray() ? type : List.of(type)) {
			if (each.isString() && each.asString().endsWith("JobPosting")) {
				return true;
			}
		}
		return false;
	}

	static RawVacancy vacancy(JsonNode posting) {
		List<FieldError> problems = new ArrayList<>();
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "externalId", identifier(posting.path("identifier"), problems));
		put(fields, "title", JsonDocuments.text(posting.path("title"), "title", problems));
		put(fields, "description", JsonDocuments.text(posting.path("description"), "description", problems));
		put(fields, "postedAt", JsonDocuments.text(posting.path("datePosted"), "postedAt", problems));
		put(fields, "closingDate", JsonDocuments.text(posting.path("validThrough"), "closingDate", problems));
		put(fields, "applyUrl", JsonDocuments.text(posting.path("url"), "applyUrl", problems));
		put(fields, "hours", JsonDocuments.text(posting.path("workHours"), "hours", problems));
		put(fields, "employerName", name(posting.path("hiringOrganization"), problems));
		employment(posting.path("employmentType"), fields, problems);
		location(posting.path("jobLocation"), fields, problems);
		String locationType = JsonDocuments.text(posting.path("jobLocationType"), "remote", problems);
		if (locationType != null && locationType.toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
			fields.put("remote", "TELECOMMUTE");
		}
		put(fields, "salary", salary(posting.path("baseSalary"), problems));
		return RawVacancy.of(fields, problems);
	}

	private static @Nullable String identifier(JsonNode identifier, List<FieldError> problems) {
		JsonNode first = identifier.isArray() ? identifier.path(0) : identifier;
		return JsonDocuments.text(first.isObject() ? first.path("value") : first, "externalId", problems);
	}

	private static @Nullable String name(JsonNode organisation, List<FieldError> problems) {
		return JsonDocuments.text(organisation.isObject() ? organisation.path("name") : organisation, "employerName",
				problems);
	}

	/** FULL_TIME and PART_TIME are working patterns; TEMPORARY, PER_DIEM … contracts. */
	private static void employment(JsonNode types, Map<String, String> fields, List<FieldError> problems) {
		String text = JsonDocuments.text(types, "employmentType", problems);
		if (text == null) {
			return;
		}
		Set<String> patterns = new LinkedHashSet<>();
		Set<String> contracts = new LinkedHashSet<>();
		for (String each : text.split(",")) {
			String type = each.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			if (PATTERNS.containsKey(type)) {
				patterns.add(PATTERNS.get(type));
			}
			else if (CONTRACTS.containsKey(type)) {
				contracts.add(CONTRACTS.get(type));
			}
			else if (!each.isBlank()) {
				// free text ("Permanent, full time"): the normaliser finds what it says
				patterns.add(each.trim());
				contracts.add(each.trim());
			}
		}
		put(fields, "workingPattern", patterns.isEmpty() ? null : String.join(", ", patterns));
		put(fields, "contractType", contracts.isEmpty() ? null : String.join(", ", contracts));
	}

	/** The first place with an address; an address may be a PostalAddress or text. */
	private static void location(JsonNode locations, Map<String, String> fields, List<FieldError> problems) {
		for (JsonNode place : locations.isArray() ? locations : List.of(locations)) {
			JsonNode address = place.has("address") ? place.path("address") : place;
			if (address.isObject()) {
				put(fields, "postcode", JsonDocuments.text(address.path("postalCode"), "postcode", problems));
				put(fields, "town", JsonDocuments.text(address.path("addressLocality"), "town", problems));
				return;
			}
			if (address.isString()) {
				Locations.Place parsed = Locations.parse(address.asString());
				put(fields, "postcode", parsed.postcode());
				put(fields, "town", parsed.town());
				return;
			}
		}
	}

	/**
	 * A MonetaryAmount {@code {currency, value: {value | minValue, maxValue, unitText}}};
	 * an amount in another currency than pounds is left out rather than misread.
	 */
	private static @Nullable String salary(JsonNode salary, List<FieldError> problems) {
		if (salary.isValueNode()) {
			return JsonDocuments.text(salary, "salary", problems);
		}
		if (!salary.isObject()) {
			return null;
		}
		String currency = scalar(salary.path("currency"));
		if (currency != null && !currency.isBlank() && !"GBP".equalsIgnoreCase(currency.trim())) {
			return null;
		}
		JsonNode value = salary.path("value");
		String unit = (scalar(value.path("unitText")) != null) ? scalar(value.path("unitText"))
				: scalar(salary.path("unitText"));
		if (value.isValueNode()) {
			return SalaryTexts.of(scalar(value), null, unit);
		}
		String exact = scalar(value.path("value"));
		String min = (scalar(value.path("minValue")) != null) ? scalar(value.path("minValue")) : exact;
		String max = (scalar(value.path("maxValue")) != null) ? scalar(value.path("maxValue")) : exact;
		return SalaryTexts.of(min, max, unit);
	}

	private static @Nullable String scalar(JsonNode node) {
		return (node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

	private static void put(Map<String, String> fields, String name, @Nullable String value) {
		if (value != null && !value.isBlank() && !fields.containsKey(name)) {
			fields.put(name, value);
		}
	}

}
