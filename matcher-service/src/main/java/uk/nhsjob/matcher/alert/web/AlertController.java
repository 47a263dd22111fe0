package uk.nhsjob.matcher.alert.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.alert.NewAlert;
import uk.nhsjob.matcher.limit.ClientLimits;
import uk.nhsjob.platform.web.BearerToken;

/** The alerts API ({@code /api/v1/alerts}) of docs/alerts.md. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

	private final AlertManagement management;

	private final ClientLimits limits;

	AlertController(AlertManagement management, ClientLimits limits) {
		this.management = management;
		this.limits = limits;
	}

	/**
	 * Every request that gets this far counts toward the client's limit, re-sends too.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	AlertCreated create(@Valid @RequestBody NewAlert request, HttpServletRequest http) {
		this.limits.takeAlertCreation(http);
		return new AlertCreated(this.management.create(request), AlertStatus.PENDING_CONFIRMATION);
	}

	@GetMapping("/{alertId}")
	AlertView get(@PathVariable String alertId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return AlertView.of(this.management.managed(alertId, BearerToken.of(authorization).orElse(null)));
	}

	@PutMapping("/{alertId}")
	AlertView edit(@PathVariable String alertId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Valid @RequestBody EditedAlert request) {
		Alert alert = this.management.managed(alertId, BearerToken.of(authorization).orElse(null));
		boolean closingSoon = (request.closingSoon() != null) ? request.closingSoon() : alert.closingSoon();
		return AlertView.of(this.management.edit(alert, request.normalisedCriteria(), request.frequency(),
				request.paused(), closingSoon));
	}

	@DeleteMapping("/{alertId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String alertId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		this.management.delete(this.management.managed(alertId, BearerToken.of(authorization).orElse(null)));
	}

}
