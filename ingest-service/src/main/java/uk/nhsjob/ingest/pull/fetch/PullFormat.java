package uk.nhsjob.ingest.pull.fetch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a pulled source may be fetched in, by the name the admin API uses.
 * Placeholder until the fetch branch lands.
 */
public enum PullFormat {

	NHS_JOBS_XML("nhs-jobs-xml"), JSON_LD("json-ld"), CSV("csv"), JSON("json");

	private final String wireName;

	PullFormat(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<PullFormat> fromWireName(String name) {
		return Arrays.stream(values()).filter((format) -> format.wireName.equals(name)).findFirst();
	}

}
