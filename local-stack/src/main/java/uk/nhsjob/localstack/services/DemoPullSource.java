package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI ingest;

	private final String adminToken;

	/**
	 * @param ingest the ingest service's base address
	 */
	public DemoPullSource(HttpClient http, URI ingest, String adminToken) {
		this.http = http;
		this.ingest = ingest;
		this.adminToken = adminToken;
	}

	/**
	 * Registers the source unless it is, and sets its pull of {@code url}.
	 * @throws IllegalStateException when the ingest service refuses either
	 */
	public void register(URI url) {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("sourceId", ID);
		source.put("name", NAME);
		source.put("employerType", EMPLOYER_TYPE);
		source.put("postcode", POSTCODE);
		HttpResponse<String> registered = send(admin("/api/v1/admin/sources", "POST", JSON.writeValueAsString(source)));
		if (registered.statusCode() != 201 && registered.statusCode() != 409) {
			throw failure("Registering the demo pull source", registered);
		}
		Map<String, String> pull = new LinkedHashMap<>();
		pull.put("url", url.toString());
		pull.put("format", "nhs-jobs-xml");
		pull.put("every", EVERY);
		pull.put("mode", "snapshot");
		HttpResponse<String> set = send(
				admin("/api/v1/admin/sources/" + ID + "/pull", "PUT", JSON.writeValueAsString(pull)));
		if (set.statusCode() != 200) {
			throw failure("Setting the demo source's pull", set);
		}
	}

	private HttpRequest admin(String path, String method, String json) {
		return HttpRequest.newBuilder(this.ingest.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.adminToken)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
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

	private static IllegalStateException failure(String what, HttpResponse<String> response) {
		String body = response.body();
		return new IllegalStateException(what + ": " + response.request().method() + " " + response.uri() + " -> "
				+ response.statusCode() + " " + ((body.length() > 500) ? body.substring(0, 500) + "..." : body));
	}

}
