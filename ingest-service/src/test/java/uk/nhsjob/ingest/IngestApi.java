package uk.nhsjob.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's HTTP API as a client sees it, with exactly the headers a test gives.
 */
public final class IngestApi {

	public static final String ADMIN_TOKEN = "test-admin-token";

	/** Small, so that a test can go over it cheaply. */
	public static final String MAX_FEED_SIZE = "64KB";

	/** Small, so that a test's feed of a few vacancies spans several batches. */
	public static final int OUTBOX_BATCH_SIZE = 3;

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public IngestApi(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A source id no other test uses. */
	public static String uniqueSourceId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public Response registerSource(String sourceId, String employerType, String postcode) {
		return post("/api/v1/admin/sources", ADMIN_TOKEN, "application/json", toJson(Map.of("sourceId", sourceId,
				"name", "Employer " + sourceId, "employerType", employerType, "postcode", postcode)));
	}

	/** Registers a source and answers its key. */
	public String newSource(String sourceId, String employerType, String postcode) {
		Response registered = registerSource(sourceId, employerType, postcode);
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		return registered.json().path("apiKey").asString();
	}

	public Response pushFeed(String sourceId, String apiKey, String json) {
		return post("/api/v1/feeds/" + sourceId, apiKey, "application/json", json);
	}

	public Response get(String path, @Nullable String bearer) {
		return send(request(path, bearer).GET());
	}

	public Response post(String path, @Nullable String bearer, @Nullable String contentType, String body) {
		return post(path, bearer, contentType, BodyPublishers.ofString(body));
	}

	public Response post(String path, @Nullable String bearer, @Nullable String contentType, BodyPublisher body) {
		HttpRequest.Builder request = request(path, bearer).POST(body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	public Response put(String path, @Nullable String bearer, String json) {
		return send(
				request(path, bearer).PUT(BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
	}

	public Response delete(String path, @Nullable String bearer) {
		return send(request(path, bearer).DELETE());
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path, @Nullable String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, HttpHeaders headers, String text) {

		public JsonNode json() {
			return JSON.readTree(this.text);
		}

		public String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		public boolean isProblem() {
			return contentType().startsWith("application/problem+json");
		}

	}

}
