package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.feed.format.FeedDocument;
import uk.nhsjob.ingest.feed.format.FeedFormats;
import uk.nhsjob.ingest.feed.format.FeedReader;
import uk.nhsjob.ingest.publish.Publication;
import uk.nhsjob.ingest.publish.VacancyPublisher;
import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * The feed API of a source. The key was checked before any of this runs (and the rate
 * limit); then the content type (415), the size (413) and the document as a whole (400)
 * are checked before any vacancy is looked at.
 */
@RestController
@Tag(name = "Feeds", description = "A source's vacancies; each call needs that source's key.")
class FeedController {

	private static final Logger log = LoggerFactory.getLogger(FeedController.class);

	private final FeedFormats formats;

	private final FeedIntake intake;

	private final VacancyPublisher publisher;

	private final FeedMetrics metrics;

	private final IngestSettings settings;

	FeedController(FeedFormats formats, FeedIntake intake, VacancyPublisher publisher, FeedMetrics metrics,
			IngestSettings settings) {
		this.formats = formats;
		this.intake = intake;
		this.publisher = publisher;
		this.metrics = metrics;
		this.settings = settings;
	}

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
					@ApiResponse(responseCode = "413", description = "larger than the limit",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "415", description = "a content type not read",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "422", description = "an empty snapshot without confirmEmpty=true",
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
			HttpServletRequest request) throws IOException {
		String feedId = UUID.randomUUID().toString();
		long started = System.nanoTime();
		FeedMode feedMode = FeedMode.of(mode);
		MDC.put("feedId", feedId);
		try {
			FeedDocument document = read(contentType, request);
			FeedIntake.Outcome outcome = this.intake.accept(feedId, source, feedMode, confirmEmpty, document);
			Receipt receipt = outcome.receipt();
			this.metrics.record(source.sourceId(), receipt, outcome.pending());
			log.info(
					"Feed {} from {}: mode {}, content type {}, received {}, published {}, unchanged {}, closed {}, "
							+ "rejected {}, pending {}, {} ms",
					feedId, source.sourceId(), feedMode, contentType, receipt.received(), receipt.published(),
					receipt.unchanged(), receipt.closed(), receipt.rejected().size(), outcome.pending(),
					(System.nanoTime() - started) / 1_000_000);
			if (outcome.pending() > 0) {
				throw this.intake.notAcknowledged(outcome);
			}
			return receipt;
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
				log.info("Feed {} from {}: mode {}, content type {}, refused {}: {}", feedId, source.sourceId(),
						feedMode, contentType, ex.getStatusCode().value(), ex.getBody().getDetail());
			}
			throw ex;
		}
		finally {
			MDC.remove("feedId");
		}
	}

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
			HttpServletRequest request) throws IOException {
		return this.intake.validate(source, read(contentType, request));
	}

	@GetMapping("/api/v1/feeds/{sourceId}/vacancies")
	@Operation(summary = "The source's open vacancies, normalised, to reconcile with")
	OpenVacancies openVacancies(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source) {
		return new OpenVacancies(this.publisher.openVacancies(source.sourceId()));
	}

	/** The external id arrives percent-decoded: {@code a%2Fb} is {@code a/b}. */
	@DeleteMapping("/api/v1/feeds/{sourceId}/vacancies/{externalId}")
	@Operation(summary = "Withdraw one vacancy",
			description = "Publishes it closed. The externalId is percent-encoded.",
			responses = { @ApiResponse(responseCode = "204", description = "closed"),
					@ApiResponse(responseCode = "404", description = "the source never published it",
							content = @Content(mediaType = "application/problem+json")) })
	ResponseEntity<Void> withdraw(
			@Parameter(hidden = true) @RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source,
			@PathVariable String externalId) {
		Publication publication = this.publisher.close(source.sourceId(), externalId)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
					"The source has published no vacancy with externalId " + externalId + "."));
		this.metrics.closed(source.sourceId(), publication.closed());
		if (!publication.isComplete()) {
			throw Problems.unavailable("The vacancy is closed here but the message broker has not acknowledged it "
					+ "yet; it will be published when it does.", this.settings.outbox().retryInterval());
		}
		log.info("Vacancy {}:{} withdrawn by its source", source.sourceId(), externalId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The content type (415), the size (413) and the whole document (400) are checked
	 * here, before any vacancy is taken in; the document is then read again, one vacancy
	 * at a time.
	 */
	private FeedDocument read(@Nullable String contentType, HttpServletRequest request) throws IOException {
		FeedReader reader = this.formats.readerFor(contentType);
		byte[] body = FeedBody.read(request, this.settings.maxFeedSize());
		return this.formats.check(reader, body);
	}

	/** {@code GET …/vacancies}: the source's open vacancies, normalised. */
	record OpenVacancies(List<Vacancy> vacancies) {
	}

}
