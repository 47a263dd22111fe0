package uk.nhsjob.matcher;

import java.util.Arrays;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html})
 * of the JSON API under {@code /api/v1} (the pages are left out). Calls on an existing
 * alert, and erasing a candidate, take the alert's manage token as a bearer token; the
 * document marks exactly those.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String MANAGE_TOKEN = "manageToken";

	@Bean
	OpenAPI matcherOpenApi() {
		return new OpenAPI()
			.info(new Info().title("NHSJob Alerts matcher service")
				.version("v1")
				.description("Candidates create, read, change and delete job alerts, preview what an alert would "
						+ "match now, and erase everything held about their address. Errors are "
						+ "application/problem+json."))
			.components(new Components().addSecuritySchemes(MANAGE_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("The token of the alert's manage link, as sent in its emails.")));
	}

	/**
	 * A handler that reads the {@code Authorization} header takes the manage token: the
	 * document says so as a security requirement rather than as a header parameter.
	 */
	@Bean
	OperationCustomizer manageTokenRequirement() {
		return (operation, handler) -> {
			boolean takesToken = Arrays.stream(handler.getMethodParameters())
				.map((parameter) -> parameter.getParameterAnnotation(RequestHeader.class))
				.anyMatch((header) -> header != null && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header.name()));
			if (takesToken) {
				operation.addSecurityItem(new SecurityRequirement().addList(MANAGE_TOKEN));
				if (operation.getParameters() != null) {
					operation.getParameters()
						.removeIf((parameter) -> HttpHeaders.AUTHORIZATION.equalsIgnoreCase(parameter.getName()));
				}
			}
			return operation;
		};
	}

}
