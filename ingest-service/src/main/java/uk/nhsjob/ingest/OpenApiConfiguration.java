package uk.nhsjob.ingest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html})
 * of the feed and admin APIs. Every call takes a bearer token: a source's key on
 * {@code /api/v1/feeds/…}, the admin token on {@code /api/v1/admin/…}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI ingestOpenApi() {
		return new OpenAPI()
			.info(new Info().title("NHSJob Alerts ingest service")
				.version("v1")
				.description("Employers' systems push vacancies as native JSON, schema.org JobPosting JSON-LD, "
						+ "NHS Jobs XML or CSV; operators register sources and issue their keys. Errors are "
						+ "application/problem+json."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A source's API key on the feed calls; the admin token on the admin calls.")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
