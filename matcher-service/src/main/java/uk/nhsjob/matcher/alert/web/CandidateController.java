package uk.nhsjob.matcher.alert.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.platform.web.BearerToken;

/** Erasing everything held about a candidate's address (docs/alerts.md). */
@RestController
class CandidateController {

	private final AlertManagement management;

	CandidateController(AlertManagement management) {
		this.management = management;
	}

	/** With the manage token of any of the address's alerts. */
	@DeleteMapping("/api/v1/candidates/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void erase(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		this.management.eraseAddress(this.management.managed(BearerToken.of(authorization).orElse(null)));
	}

}
