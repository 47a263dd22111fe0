package uk.nhsjob.matcher.alert.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.limit.ClientLimits;
import uk.nhsjob.platform.web.BearerToken;

/**
 * A candidate's address as a whole (docs/alerts.md): the link to all its alerts by email,
 * and erasing everything held about it.
 */
@RestController
class CandidateController {

	private final AlertManagement management;

	private final ClientLimits limits;

	CandidateController(AlertManagement management, ClientLimits limits) {
		this.management = management;
		this.limits = limits;
	}

	/**
	 * Accepted whatever the address holds, and over its hourly limit too (then without an
	 * email); over the client's or the service's limit {@code 429}.
	 */
	@PostMapping("/api/v1/candidates/manage-link")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void manageLink(@Valid @RequestBody ManageLinkRequest request, HttpServletRequest http) {
		this.limits.takeManageLink(http);
		this.management.requestAddressLink(request.email());
	}

	/** With the manage token of any of the address's alerts. */
	@DeleteMapping("/api/v1/candidates/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void erase(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		this.management.eraseAddress(this.management.managed(BearerToken.of(authorization).orElse(null)));
	}

}
