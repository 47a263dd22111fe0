package uk.nhsjob.ingest.normalise;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A vacancy as a feed gave it: raw strings, named as in the native JSON shape, for the
 * normaliser to make sense of.
 *
 * @param problems what a reader already found wrong with a field (a value that is not
 * text, say)
 */
public record RawVacancy(@Nullable String externalId, @Nullable String title, @Nullable String description,
		@Nullable String band, @Nullable String salary, @Nullable String hours, @Nullable String workingPattern,
		@Nullable String contractType, @Nullable String specialty, @Nullable String employerName,
		@Nullable String postcode, @Nullable String town, @Nullable String remote, @Nullable String postedAt,
		@Nullable String closingDate, @Nullable String applyUrl, @Nullable String reference,
		List<FieldError> problems) {

	/** The field names of the native JSON shape, which the other formats map onto. */
	public static final List<String> FIELDS = List.of("externalId", "title", "description", "band", "salary", "hours",
			"workingPattern", "contractType", "specialty", "employerName", "postcode", "town", "remote", "postedAt",
			"closingDate", "applyUrl", "reference");

	public RawVacancy {
		problems = List.copyOf(problems);
	}

	/** A vacancy from its fields by their native names; other names are ignored. */
	public static RawVacancy of(Map<String, String> fields, List<FieldError> problems) {
		return new RawVacancy(fields.get("externalId"), fields.get("title"), fields.get("description"),
				fields.get("band"), fields.get("salary"), fields.get("hours"), fields.get("workingPattern"),
				fields.get("contractType"), fields.get("specialty"), fields.get("employerName"), fields.get("postcode"),
				fields.get("town"), fields.get("remote"), fields.get("postedAt"), fields.get("closingDate"),
				fields.get("applyUrl"), fields.get("reference"), problems);
	}

	/**
	 * The id the vacancy will go by, untested: its own id, else its reference, trimmed.
	 */
	public @Nullable String externalIdOrReference() {
		if (this.externalId != null && !this.externalId.isBlank()) {
			return this.externalId.trim();
		}
		return (this.reference != null && !this.reference.isBlank()) ? this.reference.trim() : null;
	}

}
