package uk.nhsjob.common.vocabulary;

public enum AlertStatus {

	PENDING_CONFIRMATION, ACTIVE, PAUSED, UNSUBSCRIBED, EXPIRED

}
