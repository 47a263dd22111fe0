package uk.nhsjob.common.vocabulary;

public enum EmployerType {

	NHS_TRUST, GP_PRACTICE, PRIVATE_PRACTICE, OTHER

}
