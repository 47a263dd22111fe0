package uk.nhsjob.ingest.source;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.common.vocabulary.EmployerType;

/**
 * The operator's calls: register sources, list them, issue and revoke their keys. Every
 * call needs the admin token ({@link AdminAuthorization}).
 */
@RestController
@RequestMapping("/api/v1/admin/sources")
@Tag(name = "Sources", description = "The operator's calls; each needs the admin token.")
class SourceAdminController {

	private final SourceRegistry registry;

	SourceAdminController(SourceRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a source", description = "Answers its first key, shown once; only its hash is kept.")
	SourceRegistered register(@Valid @RequestBody RegisterSource request) {
		SourceRegistry.IssuedKey issued = this.registry.register(request.sourceId(), request.name(),
				request.employerType(), request.postcode());
		return new SourceRegistered(request.sourceId(), issued.secret());
	}

	@GetMapping
	@Operation(summary = "List the sources and their keys' ids")
	SourceList list() {
		return new SourceList(this.registry.list());
	}

	@PostMapping("/{sourceId}/keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue another key, so that a source can rotate")
	KeyIssued issueKey(@PathVariable String sourceId) {
		SourceRegistry.IssuedKey issued = this.registry.issueKey(sourceId);
		return new KeyIssued(issued.key().keyId(), issued.secret());
	}

	@DeleteMapping("/{sourceId}/keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a key")
	void revokeKey(@PathVariable String sourceId, @PathVariable String keyId) {
		this.registry.revokeKey(sourceId, keyId);
	}

	record RegisterSource(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}",
			message = "must be 2 to 63 lower-case letters, digits or hyphens, not starting with a hyphen") @Nullable String sourceId,
			@NotBlank @Size(max = 200) @Nullable String name, @NotNull @Nullable EmployerType employerType,
			@NotBlank @Nullable String postcode) {
	}

	record SourceRegistered(String sourceId, String apiKey) {
	}

	record KeyIssued(String keyId, String apiKey) {
	}

	record SourceList(List<RegisteredSource> sources) {
	}

}
