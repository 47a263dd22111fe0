package uk.nhsjob.ingest.feed;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * The feed API of a source as its OpenAPI document describes it, with its mappings;
 * {@link FeedController} implements it. The source's key (and its rate limit) is checked
 * before any of these runs.
 */
@Tag(name = "Feeds", description = "A source's vacancies; each call needs that source's key.")
interface FeedApi {

	@PostMapping("/api/v1/feeds/{sourceId}")
	@Operation(summary = "Push a feed",
			description = "mode=delta upserts the vacancies given; mode=snapshot also closes the source's open "
					+ "vacancies the feed leaves out (an empty snapshot needs confirmEmpty=true). The receipt counts "
					+ "only what the broker acknowledged.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = "application/json", schema = @Schema(type = "string")),
							@Content(mediaType = "application/ld+json", schema = @Schema(type = "string")),
							@Content(mediaType = "application/xml", schema = @Schema(type = "string")),
							@Content(mediaType = "text/xml", schema = @Schema(type = "string")),
							@Content(mediaType = "text/csv", schema = @Schema(type = "string")) }),
			responses = { @ApiResponse(responseCode = "200", description = "the receipt"),
					@ApiResponse(responseCode = "400", description = "unparseable document",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "409",
							description = "another feed of the source was still being processed after the wait "
									+ "(type urn:nhsjob:problem:feed-in-progress), or took the source over while "
									+ "this one ran (type urn:nhsjob:problem:feed-lease-lost); see Retry-After",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "413", description = "larger than the limit",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "415", description = "a content type not read",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "422",
							description = "an empty snapshot without confirmEmpty=true, or a feed that would leave the "
									+ "source more open vacancies than its cap, counted after the feed's own closures "
									+ "(type urn:nhsjob:problem:too-many-open-vacancies, with limit and "
									+ "wouldBeOpen); nothing of it is stored or published",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "429", description = "over the source's rate limit; see Retry-After",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "503",
							description = "stored but not yet acknowledged by the broker; push again later",
							content = @Content(mediaType = "application/problem+json")) })
	Receipt push(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source,
			@Parameter(schema = @Schema(allowableValues = { "delta", "snapshot" })) @RequestParam(
					defaultValue = "delta") String mode,
			@RequestParam(defaultValue = "false") boolean confirmEmpty,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			HttpServletRequest request) throws IOException;

	@PostMapping("/api/v1/feeds/{sourceId}/validate")
	@Operation(summary = "Validate a feed, publishing nothing",
			description = "The same body as a push; answers the vacancies as they would be published and the "
					+ "rejections as the receipt would list them.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = "application/json", schema = @Schema(type = "string")),
							@Content(mediaType = "application/ld+json", schema = @Schema(type = "string")),
							@Content(mediaType = "application/xml", schema = @Schema(type = "string")),
							@Content(mediaType = "text/xml", schema = @Schema(type = "string")),
							@Content(mediaType = "text/csv", schema = @Schema(type = "string")) }))
	Validation validate(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			HttpServletRequest request) throws IOException;

	@GetMapping("/api/v1/feeds/{sourceId}/vacancies")
	@Operation(summary = "The source's open vacancies, normalised, to reconcile with")
	OpenVacancies openVacancies(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source);

	/** The external id arrives percent-decoded: {@code a%2Fb} is {@code a/b}. */
	@DeleteMapping("/api/v1/feeds/{sourceId}/vacancies/{externalId}")
	@Operation(summary = "Withdraw one vacancy",
			description = "Publishes it closed. The externalId is percent-encoded.",
			responses = { @ApiResponse(responseCode = "204", description = "closed"),
					@ApiResponse(responseCode = "404", description = "the source never published it",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "409",
							description = "a feed of the source was still being processed after the wait; see "
									+ "Retry-After",
							content = @Content(mediaType = "application/problem+json")) })
	ResponseEntity<Void> withdraw(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source,
			@PathVariable String externalId);

}
