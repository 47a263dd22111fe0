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
 * The ingest service's calls the launcher makes for its demo sources: with the admin
 * token, or with a source's key, each failure an {@link IllegalStateException} that says
 * what was asked and what came back.
 */
final class IngestCalls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI ingest;

	private final String adminToken;

	IngestCalls(HttpClient http, URI ingest, String adminToken) {
		this.http = http;
		this.ingest = ingest;
		this.adminToken = adminToken;
	}

	/** Registers a source: 201 with its key, or 409 when it is registered already. */
	HttpResponse<String> registerSource(String sourceId, String name, String employerType, String postcode) {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("sourceId", sourceId);
		source.put("name", name);
		source.put("employerType", employerType);
		source.put("postcode", postcode);
		return admin("POST", "/api/v1/admin/sources", source);
	}

	/** A call with the admin token; an empty body is sent as none. */
	HttpResponse<String> admin(String method, String path, Map<String, String> body) {
		return send(request(path, this.adminToken).header("Content-Type", "application/json")
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	/** A {@code GET} with a source's key. */
	HttpResponse<String> get(String path, String key) {
		return send(request(path, key).GET().build());
	}

	private HttpRequest.Builder request(String path, String bearer) {
		return HttpRequest.newBuilder(this.ingest.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + bearer);
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

	static IllegalStateException failure(String what, HttpResponse<String> response) {
		String body = response.body();
		return new IllegalStateException(what + ": " + response.request().method() + " " + response.uri() + " -> "
				+ response.statusCode() + " " + ((body.length() > 500) ? body.substring(0, 500) + "..." : body));
	}

}
