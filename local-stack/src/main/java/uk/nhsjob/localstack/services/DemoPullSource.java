package uk.nhsjob.localstack.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo pull source, {@code demo-nhs-jobs}: registered with the ingest service (or
 * found registered) and given a pull of the stack's sample NHS Jobs search, so that a
 * newcomer sees pulled vacancies without pushing anything. Setting the pull again on each
 * start makes it run at once (docs/feeds.md, "Pulled sources").
 */
public final class DemoPullSource {

	public static final String ID = "demo-nhs-jobs";

	public static final String NAME = "Demo NHS Jobs search";

	public static final String EMPLOYER_TYPE = "NHS_TRUST";

	public static final String POSTCODE = "LS1 3EX";

	/** The shortest period the ingest service allows by default. */
	public static final String EVERY = "PT15M";

	private final IngestCalls ingest;

	/**
	 * @param ingest the ingest service's base address
	 */
	public DemoPullSource(HttpClient http, URI ingest, String adminToken) {
		this.ingest = new IngestCalls(http, ingest, adminToken);
	}

	/**
	 * Registers the source unless it is, and sets its pull of {@code url}.
	 * @throws IllegalStateException when the ingest service refuses either
	 */
	public void register(URI url) {
		HttpResponse<String> registered = this.ingest.registerSource(ID, NAME, EMPLOYER_TYPE, POSTCODE);
		if (registered.statusCode() != 201 && registered.statusCode() != 409) {
			throw IngestCalls.failure("Registering the demo pull source", registered);
		}
		Map<String, String> pull = new LinkedHashMap<>();
		pull.put("url", url.toString());
		pull.put("format", "nhs-jobs-xml");
		pull.put("every", EVERY);
		pull.put("mode", "snapshot");
		HttpResponse<String> set = this.ingest.admin("PUT", "/api/v1/admin/sources/" + ID + "/pull", pull);
		if (set.statusCode() != 200) {
			throw IngestCalls.failure("Setting the demo source's pull", set);
		}
	}

}
