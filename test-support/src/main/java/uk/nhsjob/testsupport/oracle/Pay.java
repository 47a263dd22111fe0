package uk.nhsjob.testsupport.oracle;

import uk.nhsjob.common.vocabulary.SalaryPeriod;

/**
 * The top of a vacancy's pay as its feed states it, in the feed's period.
 *
 * @param maximum the highest amount, in pounds
 * @param period what the amount is paid for
 */
public record Pay(double maximum, SalaryPeriod period) {

	private static final double WEEKS_A_YEAR = 52.143;

	private static final double FULL_TIME_HOURS = 37.5;

	public static Pay perYear(double maximum) {
		return new Pay(maximum, SalaryPeriod.YEAR);
	}

	public static Pay perHour(double maximum) {
		return new Pay(maximum, SalaryPeriod.HOUR);
	}

	/**
	 * The annual full-time equivalent of docs/normalisation.md ("Salary"): hourly × 37.5
	 * × 52.143, daily × 5 × 52.143, weekly × 52.143, monthly × 12.
	 */
	public double annualFullTimeMaximum() {
		return switch (this.period) {
			case YEAR -> this.maximum;
			case MONTH -> this.maximum * 12;
			case WEEK -> this.maximum * WEEKS_A_YEAR;
			case DAY -> this.maximum * 5 * WEEKS_A_YEAR;
			case HOUR -> this.maximum * FULL_TIME_HOURS * WEEKS_A_YEAR;
		};
	}

}
