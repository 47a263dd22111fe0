package uk.nhsjob.common.match;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * What an email says about one vacancy that matched an alert.
 *
 * @param distanceMiles from the alert's postcode; null when the alert has none or the
 * vacancy is remote
 */
public record MatchedVacancy(String vacancyId, long revision, String title, @Nullable String employerName,
		@Nullable Band bandMin, @Nullable Band bandMax, @Nullable Integer salaryMinAnnual,
		@Nullable Integer salaryMaxAnnual, @Nullable String salaryText, @Nullable Double hoursPerWeek,
		List<WorkingPattern> workingPatterns, @Nullable String town, @Nullable String postcode,
		@Nullable Double distanceMiles, @Nullable LocalDate postedAt, @Nullable LocalDate closingDate,
		@Nullable String applyUrl) {

	public MatchedVacancy {
		workingPatterns = List.copyOf(workingPatterns);
	}

}
