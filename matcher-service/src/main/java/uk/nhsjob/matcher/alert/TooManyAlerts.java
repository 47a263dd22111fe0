package uk.nhsjob.matcher.alert;

/**
 * The address already has as many confirmed alerts as it may: confirming one more waits
 * until one is deleted.
 */
public class TooManyAlerts extends RuntimeException {

	private final int limit;

	TooManyAlerts(int limit) {
		super("an email address may have at most " + limit + " confirmed alerts; delete one first", null, false, false);
		this.limit = limit;
	}

	public int limit() {
		return this.limit;
	}

}
