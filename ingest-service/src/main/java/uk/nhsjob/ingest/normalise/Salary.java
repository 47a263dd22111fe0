package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.SalaryPeriod;

/**
 * A salary as stated, and as whole pounds a year full-time.
 *
 * @param period the period the feed stated its amounts in; null when it stated none
 * @param text the original words, as a feed gave them
 */
record Salary(@Nullable Integer minAnnual, @Nullable Integer maxAnnual, @Nullable SalaryPeriod period, boolean proRata,
		@Nullable String text) {

	static final Salary NONE = new Salary(null, null, null, false, null);

}
