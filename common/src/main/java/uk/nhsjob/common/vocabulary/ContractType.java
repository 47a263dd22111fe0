package uk.nhsjob.common.vocabulary;

public enum ContractType {

	PERMANENT, FIXED_TERM, BANK, SECONDMENT, APPRENTICESHIP

}
