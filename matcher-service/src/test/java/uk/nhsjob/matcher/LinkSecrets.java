package uk.nhsjob.matcher;

/**
 * The link keys every matcher started by the tests is given: the matcher has no default
 * (docs/alerts.md, "Links"). The in-JVM tests also trust the previous one, as while
 * rotating.
 */
public final class LinkSecrets {

	public static final String CURRENT = "matcher-tests-current-link-secret-0123456789";

	public static final String PREVIOUS = "matcher-tests-previous-link-secret-0123456789";

	private LinkSecrets() {
	}

}
