package uk.nhsjob.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import uk.nhsjob.ingest.IngestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's view of the API: an OpenAPI document and Swagger UI. */
@IngestServiceTest
class OpenApiTests {

	@LocalServerPort
	int port;

	@Test
	void documentsTheFeedAndAdminCalls() {
		Response document = new IngestApi(this.port).get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		JsonNode paths = document.json().path("paths");
		assertThat(paths.path("/api/v1/feeds/{sourceId}").path("post").path("requestBody").path("content").properties())
			.as(paths.path("/api/v1/feeds/{sourceId}").toString())
			.extracting(java.util.Map.Entry::getKey)
			.contains("application/json", "application/ld+json", "application/xml", "text/csv");
		assertThat(paths.path("/api/v1/feeds/{sourceId}").path("post").path("parameters").toString())
			.contains("mode", "confirmEmpty")
			.doesNotContain("RegisteredSource");
		assertThat(paths.path("/api/v1/feeds/{sourceId}")
			.path("post")
			.path("responses")
			.path("409")
			.path("description")
			.asString()).contains("urn:nhsjob:problem:feed-in-progress");
		assertThat(paths.path("/api/v1/feeds/{sourceId}")
			.path("post")
			.path("responses")
			.path("422")
			.path("description")
			.asString()).contains("urn:nhsjob:problem:too-many-open-vacancies");
		assertThat(paths.path("/api/v1/feeds/{sourceId}/validate").has("post")).isTrue();
		assertThat(paths.path("/api/v1/feeds/{sourceId}/vacancies").has("get")).isTrue();
		assertThat(paths.path("/api/v1/feeds/{sourceId}/vacancies/{externalId}").has("delete")).isTrue();
		assertThat(paths.path("/api/v1/admin/sources").has("post")).isTrue();
		assertThat(paths.path("/api/v1/admin/sources/{sourceId}/keys/{keyId}").has("delete")).isTrue();
		assertThat(document.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void servesSwaggerUi() {
		Response ui = new IngestApi(this.port).get("/swagger-ui/index.html", null);
		Response entry = new IngestApi(this.port).get("/swagger-ui.html", null);

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.text()).contains("Swagger UI");
		assertThat(entry.status()).isIn(200, 302);
	}

}
