package uk.nhsjob.matcher.alert;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The alerts API of SPEC §5. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertApi {

	private static final String BEARER = "bearer ";

	private final AlertManagement management;

	AlertApi(AlertManagement management) {
		this.management = management;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	AlertCreated create(@Valid @RequestBody NewAlert request) {
		Alert alert = this.management.create(request);
		return new AlertCreated(alert.id(), alert.status());
	}

	@GetMapping("/{alertId}")
	AlertView get(@PathVariable String alertId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return AlertView.of(this.management.managed(alertId, bearerToken(authorization)));
	}

	private static @Nullable String bearerToken(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return authorization.substring(BEARER.length()).strip();
	}

}
