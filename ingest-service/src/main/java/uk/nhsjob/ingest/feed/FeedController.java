package uk.nhsjob.ingest.feed;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.feed.format.FeedDocument;
import uk.nhsjob.ingest.feed.format.FeedFormats;
import uk.nhsjob.ingest.feed.format.FeedReader;
import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * {@code POST /api/v1/feeds/{sourceId}}: a source pushes its vacancies. The key was
 * checked before this runs; then the content type (415), the size (413) and the document
 * as a whole (400) are checked before any vacancy is looked at.
 */
@RestController
class FeedController {

	private final FeedFormats formats;

	private final FeedIntake intake;

	private final IngestSettings settings;

	FeedController(FeedFormats formats, FeedIntake intake, IngestSettings settings) {
		this.formats = formats;
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
		FeedReader reader = this.formats.readerFor(contentType);
		byte[] body = FeedBody.read(request, this.settings.maxFeedSize());
		FeedDocument document = this.formats.check(reader, body);
		return this.intake.acceptDelta(source, document);
	}

}
