package uk.nhsjob.common.vocabulary;

/** How often an alert's matches are emailed. */
public enum Frequency {

	INSTANT, DAILY, WEEKLY

}
