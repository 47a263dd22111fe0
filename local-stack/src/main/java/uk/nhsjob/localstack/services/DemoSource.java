package uk.nhsjob.localstack.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo source, {@code demo-trust}, registered with the ingest service so that a feed
 * can be pushed straight away. Its key is shown only once, so the launcher keeps it; on a
 * later start (the source exists: 409) the kept key is reused unless the ingest service
 * turns it away, and a new key is issued when it does (the key file was lost, or the
 * source was registered against another MongoDB).
 */
public final class DemoSource {

	public static final String ID = "demo-trust";

	public static final String NAME = "Demo NHS Foundation Trust";

	public static final String EMPLOYER_TYPE = "NHS_TRUST";

	public static final String POSTCODE = "LS1 3EX";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IngestCalls ingest;

	/**
	 * @param ingest the ingest service's base address
	 */
	public DemoSource(HttpClient http, URI ingest, String adminToken) {
		this.ingest = new IngestCalls(http, ingest, adminToken);
	}

	/**
	 * A key for the demo source: the kept one when it still works, else a new one.
	 * @param keptKey the key from an earlier start, if any
	 */
	public DemoSourceKey register(Optional<String> keptKey) {
		HttpResponse<String> registered = this.ingest.registerSource(ID, NAME, EMPLOYER_TYPE, POSTCODE);
		if (registered.statusCode() == 201) {
			return new DemoSourceKey(ID, apiKey(registered), DemoSourceKey.Origin.REGISTERED);
		}
		if (registered.statusCode() != 409) {
			throw IngestCalls.failure("Registering the demo source", registered);
		}
		if (keptKey.isPresent() && !refuses(keptKey.get())) {
			return new DemoSourceKey(ID, keptKey.get(), DemoSourceKey.Origin.KEPT);
		}
		HttpResponse<String> issued = this.ingest.admin("POST", "/api/v1/admin/sources/" + ID + "/keys", Map.of());
		if (issued.statusCode() != 201) {
			throw IngestCalls.failure("Issuing a key for the demo source", issued);
		}
		return new DemoSourceKey(ID, apiKey(issued), DemoSourceKey.Origin.ISSUED);
	}

	/**
	 * Whether the ingest service turns the key away (401, 403); any other answer keeps
	 * it.
	 */
	private boolean refuses(String key) {
		int status = this.ingest.get("/api/v1/feeds/" + ID + "/vacancies", key).statusCode();
		return status == 401 || status == 403;
	}

	private static String apiKey(HttpResponse<String> response) {
		try {
			JsonNode body = JSON.readTree(response.body());
			String key = body.path("apiKey").asString("");
			if (key.isEmpty()) {
				throw IngestCalls.failure("The ingest service's answer has no apiKey", response);
			}
			return key;
		}
		catch (JacksonException ex) {
			throw IngestCalls.failure("The ingest service's answer is not JSON", response);
		}
	}

}
