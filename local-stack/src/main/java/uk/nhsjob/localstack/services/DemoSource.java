package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
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

	private final HttpClient http;

	private final URI ingest;

	private final String adminToken;

	/**
	 * @param ingest the ingest service's base address
	 */
	public DemoSource(HttpClient http, URI ingest, String adminToken) {
		this.http = http;
		this.ingest = ingest;
		this.adminToken = adminToken;
	}

	/**
	 * A key for the demo source: the kept one when it still works, else a new one.
	 * @param keptKey the key from an earlier start, if any
	 */
	public DemoSourceKey register(Optional<String> keptKey) {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("sourceId", ID);
		source.put("name", NAME);
		source.put("employerType", EMPLOYER_TYPE);
		source.put("postcode", POSTCODE);
		HttpResponse<String> registered = send(adminPost("/api/v1/admin/sources", JSON.writeValueAsString(source)));
		if (registered.statusCode() == 201) {
			return new DemoSourceKey(ID, apiKey(registered), DemoSourceKey.Origin.REGISTERED);
		}
		if (registered.statusCode() != 409) {
			throw failure("Registering the demo source", registered);
		}
		if (keptKey.isPresent() && !refuses(keptKey.get())) {
			return new DemoSourceKey(ID, keptKey.get(), DemoSourceKey.Origin.KEPT);
		}
		HttpResponse<String> issued = send(adminPost("/api/v1/admin/sources/" + ID + "/keys", ""));
		if (issued.statusCode() != 201) {
			throw failure("Issuing a key for the demo source", issued);
		}
		return new DemoSourceKey(ID, apiKey(issued), DemoSourceKey.Origin.ISSUED);
	}

	/**
	 * Whether the ingest service turns the key away (401, 403); any other answer keeps
	 * it.
	 */
	private boolean refuses(String key) {
		HttpRequest listing = HttpRequest.newBuilder(this.ingest.resolve("/api/v1/feeds/" + ID + "/vacancies"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + key)
			.GET()
			.build();
		int status = send(listing).statusCode();
		return status == 401 || status == 403;
	}

	private HttpRequest adminPost(String path, String json) {
		return HttpRequest.newBuilder(this.ingest.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.adminToken)
			.header("Content-Type", "application/json")
			.POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), ex);
		}
	}

	private static String apiKey(HttpResponse<String> response) {
		try {
			JsonNode body = JSON.readTree(response.body());
			String key = body.path("apiKey").asString("");
			if (key.isEmpty()) {
				throw failure("The ingest service's answer has no apiKey", response);
			}
			return key;
		}
		catch (JacksonException ex) {
			throw failure("The ingest service's answer is not JSON", response);
		}
	}

	private static IllegalStateException failure(String what, HttpResponse<String> response) {
		String body = response.body();
		return new IllegalStateException(what + ": " + response.request().method() + " " + response.uri() + " -> "
				+ response.statusCode() + " " + ((body.length() > 500) ? body.substring(0, 500) + "..." : body));
	}

}
