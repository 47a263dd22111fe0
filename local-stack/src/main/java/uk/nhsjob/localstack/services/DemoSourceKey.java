package uk.nhsjob.localstack.services;

/**
 * The demo source's key.
 *
 * @param sourceId the source, {@code demo-trust}
 * @param apiKey the key a feed is pushed with
 * @param origin where the key came from
 */
public record DemoSourceKey(String sourceId, String apiKey, Origin origin) {

	/**
	 * Whether it is the key kept from an earlier start, so there is nothing new to keep.
	 */
	public boolean kept() {
		return this.origin == Origin.KEPT;
	}

	/** Where a key came from. */
	public enum Origin {

		/** The source was registered now, with this key. */
		REGISTERED,

		/** The source existed and the key kept from an earlier start still serves. */
		KEPT,

		/** The source existed but no kept key served, so another was issued. */
		ISSUED

	}

}
