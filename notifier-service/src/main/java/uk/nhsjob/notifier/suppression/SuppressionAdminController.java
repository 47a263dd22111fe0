package uk.nhsjob.notifier.suppression;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's calls on suppressions: look one up, lift it. The address goes in the
 * body, never in a URL (which proxies and access logs keep); every call needs the admin
 * token ({@link AdminAuthorization}).
 */
@RestController
@RequestMapping("/api/v1/admin/suppressions")
class SuppressionAdminController {

	private final Suppressions suppressions;

	SuppressionAdminController(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	/** 200 with the suppression, or 200 with {@code suppressed: false}. */
	@PostMapping("/lookup")
	SuppressionFound lookup(@Valid @RequestBody AddressRequest request) {
		return this.suppressions.lookup(String.valueOf(request.email()))
			.map((found) -> new SuppressionFound(true, found.suppressedAt(), found.replyCode(), found.reason()))
			.orElseGet(() -> new SuppressionFound(false, null, null, null));
	}

	/** 204 whether or not the address was suppressed: either way mail flows to it now. */
	@PostMapping("/lift")
	ResponseEntity<Void> lift(@Valid @RequestBody AddressRequest request) {
		this.suppressions.lift(String.valueOf(request.email()));
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	record AddressRequest(@NotBlank @Email @Size(max = 320) @Nullable String email) {
	}

	/**
	 * @param suppressed whether mail to the address is suppressed
	 * @param since when it was
	 * @param replyCode the SMTP server's reply code (null for a suppression kept before
	 * codes were)
	 * @param reply the server's reply, every address in it replaced by {@code <address>}
	 */
	record SuppressionFound(boolean suppressed, @Nullable Instant since, @Nullable Integer replyCode,
			@Nullable String reply) {
	}

}
