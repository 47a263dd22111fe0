package uk.nhsjob.matcher.alert;

/**
 * No alert for this link or request: the token was wrong, expired, for another purpose or
 * revoked, or the alert is gone. Deliberately one answer for all of them.
 */
public class AlertNotFound extends RuntimeException {

	public AlertNotFound() {
		super("no such alert", null, false, false);
	}

}
