package uk.nhsjob.matcher;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrator's view of the JSON API: an OpenAPI document and Swagger UI. */
@MatcherIntegrationTest
class OpenApiTests {

	@Autowired
	private RestTestClient http;

	@Test
	void documentsTheJsonApiAndNotThePages() {
		String body = this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		JsonNode document = JsonMapper.builder().build().readTree(body);
		JsonNode paths = document.path("paths");

		assertThat(paths.path("/api/v1/alerts").has("post")).isTrue();
		assertThat(paths.path("/api/v1/alerts/{alertId}").properties()).extracting(Map.Entry::getKey)
			.contains("get", "put", "delete");
		assertThat(paths.path("/api/v1/alerts/preview").path("post").path("parameters").toString()).contains("limit");
		assertThat(paths.path("/api/v1/candidates/me").has("delete")).isTrue();
		assertThat(paths.properties()).extracting(Map.Entry::getKey).allMatch((path) -> path.startsWith("/api/v1/"));

		assertThat(document.path("components").path("securitySchemes").path("manageToken").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(paths.path("/api/v1/alerts/{alertId}").path("get").path("security").toString())
			.contains("manageToken");
		assertThat(paths.path("/api/v1/alerts/{alertId}").path("get").path("parameters").toString())
			.doesNotContain("Authorization");
		assertThat(paths.path("/api/v1/candidates/me").path("delete").path("security").toString())
			.contains("manageToken");
		assertThat(paths.path("/api/v1/alerts").path("post").has("security")).isFalse();
	}

	@Test
	void servesSwaggerUi() {
		String ui = this.http.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(ui).contains("Swagger UI");
		this.http.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(200, 302));
	}

}
