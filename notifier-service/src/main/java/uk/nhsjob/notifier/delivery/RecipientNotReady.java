package uk.nhsjob.notifier.delivery;

/**
 * A match arrived for an alert whose activation the notifier has not read yet: the
 * profile and alert streams are not ordered with each other. Thrown so that the failure
 * policy retries the match with back-off (and dead-letters it if the profile never
 * comes).
 */
class RecipientNotReady extends RuntimeException {

	RecipientNotReady(String message) {
		super(message);
	}

}
