package uk.nhsjob.common.vocabulary;

/**
 * The period a feed stated its salary in; annual amounts are always full-time
 * equivalents.
 */
public enum SalaryPeriod {

	YEAR, MONTH, WEEK, DAY, HOUR

}
