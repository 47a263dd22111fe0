package uk.nhsjob.common.match;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * What an email says about one vacancy that matched an alert.
 *
 * @param distanceMiles from the alert's postcode; null when the alert has none or the
 * vacancy is remote
 * @param jobId the job the vacancy is a copy of
 * ({@link uk.nhsjob.common.vacancy.Vacancy#job()}), which an alert is sent once; null in
 * version 1 records (then {@link #job()} is the vacancy's id). Absent from the JSON when
 * null.
 */
public record MatchedVacancy(String vacancyId, long revision, String title, @Nullable String employerName,
		@Nullable Band bandMin, @Nullable Band bandMax, @Nullable Integer salaryMinAnnual,
		@Nullable Integer salaryMaxAnnual, @Nullable String salaryText, @Nullable Double hoursPerWeek,
		List<WorkingPattern> workingPatterns, @Nullable String town, @Nullable String postcode,
		@Nullable Double distanceMiles, @Nullable LocalDate postedAt, @Nullable LocalDate closingDate,
		@Nullable String applyUrl, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String jobId) {

	public MatchedVacancy {
		workingPatterns = List.copyOf(workingPatterns);
	}

	/** A vacancy that is a job of its own. */
	public MatchedVacancy(String vacancyId, long revision, String title, @Nullable String employerName,
			@Nullable Band bandMin, @Nullable Band bandMax, @Nullable Integer salaryMinAnnual,
			@Nullable Integer salaryMaxAnnual, @Nullable String salaryText, @Nullable Double hoursPerWeek,
			List<WorkingPattern> workingPatterns, @Nullable String town, @Nullable String postcode,
			@Nullable Double distanceMiles, @Nullable LocalDate postedAt, @Nullable LocalDate closingDate,
			@Nullable String applyUrl) {
		this(vacancyId, revision, title, employerName, bandMin, bandMax, salaryMinAnnual, salaryMaxAnnual, salaryText,
				hoursPerWeek, workingPatterns, town, postcode, distanceMiles, postedAt, closingDate, applyUrl, null);
	}

	/** The job an alert is sent once: its {@code jobId}, else the vacancy's id. */
	public String job() {
		return (this.jobId != null) ? this.jobId : this.vacancyId;
	}

}
