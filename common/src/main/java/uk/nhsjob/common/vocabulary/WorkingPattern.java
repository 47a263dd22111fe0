package uk.nhsjob.common.vocabulary;

public enum WorkingPattern {

	FULL_TIME, PART_TIME, FLEXIBLE, JOB_SHARE, TERM_TIME, COMPRESSED_HOURS

}
