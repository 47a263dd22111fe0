package uk.nhsjob.common;

/**
 * The four topics of the system and the suffix of their dead-letter topics.
 */
public final class Topics {

	/** Compacted, keyed by vacancy id: each vacancy's current normalised state. */
	public static final String VACANCIES = "nhsjob.vacancies.v1";

	/**
	 * Compacted, keyed by alert id: each alert's current state; a tombstone on erasure.
	 */
	public static final String PROFILES = "nhsjob.profiles.v1";

	/**
	 * Keyed by alert id: one record per (alert, vacancy) match, or an alert's welcome
	 * set.
	 */
	public static final String ALERTS = "nhsjob.alerts.v1";

	/**
	 * Keyed by a keyed hash of the address: emails about an address rather than one alert
	 * (the manage link, the reply to an address that has its fill of alerts).
	 */
	public static final String NOTICES = "nhsjob.notices.v1";

	/** Appended to a consumed topic's name to name its dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	public static String deadLetterTopicOf(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
