package uk.nhsjob.common.vocabulary;

/** Where a vacancy's band came from. */
public enum BandSource {

	STATED, FROM_SALARY, NONE

}
