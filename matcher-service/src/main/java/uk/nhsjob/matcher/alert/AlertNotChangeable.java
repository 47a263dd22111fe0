package uk.nhsjob.matcher.alert;

/** The change asked for does not apply to the alert in its present status. */
public class AlertNotChangeable extends RuntimeException {

	AlertNotChangeable(String message) {
		super(message, null, false, false);
	}

}
