package uk.nhsjob.matcher.alert;

/** The address already has as many live alerts as it may. */
public class TooManyAlerts extends RuntimeException {

	TooManyAlerts(int limit) {
		super("an email address may have at most " + limit + " alerts", null, false, false);
	}

}
