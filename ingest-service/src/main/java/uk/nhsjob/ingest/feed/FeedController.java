package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.normalise.RawVacancy;
import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * {@code POST /api/v1/feeds/{sourceId}}: a source pushes its vacancies. The key was
 * checked before this runs; then the content type (415), the size (413) and the document
 * as a whole (400) are checked before any vacancy is looked at.
 */
@RestController
class FeedController {

	private final List<FeedReader> readers;

	private final FeedIntake intake;

	private final IngestSettings settings;

	FeedController(List<FeedReader> readers, FeedIntake intake, IngestSettings settings) {
		this.readers = readers;
		this.intake = intake;
		this.settings = settings;
	}

	@PostMapping("/api/v1/feeds/{sourceId}")
	Receipt push(@RequestAttribute(RegisteredSource.REQUEST_ATTRIBUTE) RegisteredSource source,
			@RequestParam(defaultValue = "delta") String mode,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			HttpServletRequest request) throws IOException {
		if (FeedMode.of(mode) == FeedMode.SNAPSHOT) {
			throw Problems.of(HttpStatus.NOT_IMPLEMENTED, "mode=snapshot is not supported yet; push with mode=delta.");
		}
		FeedReader reader = readerFor(contentType);
		byte[] document = FeedBody.read(request, this.settings.maxFeedSize());
		List<RawVacancy> vacancies;
		try {
			vacancies = reader.read(document);
		}
		catch (UnreadableFeedException ex) {
			throw Problems.of(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return this.intake.acceptDelta(source, vacancies);
	}

	private FeedReader readerFor(@Nullable String contentType) {
		MediaType type = null;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (InvalidMediaTypeException ex) {
			// answered below like any other type we do not read
		}
		for (FeedReader reader : this.readers) {
			for (MediaType readable : reader.contentTypes()) {
				if (type != null && readable.equalsTypeAndSubtype(type)) {
					return reader;
				}
			}
		}
		throw unsupported(contentType);
	}

	private ErrorResponseException unsupported(@Nullable String contentType) {
		List<MediaType> readable = this.readers.stream().flatMap((reader) -> reader.contentTypes().stream()).toList();
		ErrorResponseException problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				((contentType != null) ? "Content-Type " + contentType : "A body without a Content-Type")
						+ " is not a feed format this service reads; send one of " + readable + ".");
		problem.getHeaders().setAccept(readable);
		return problem;
	}

}
