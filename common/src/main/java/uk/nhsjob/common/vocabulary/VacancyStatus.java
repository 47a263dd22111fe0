package uk.nhsjob.common.vocabulary;

public enum VacancyStatus {

	OPEN, CLOSED

}
