package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews;
import uk.nhsjob.matcher.alert.MatchPreviews.MatchPreview;
import uk.nhsjob.matcher.alert.PreviewsBusy;
import uk.nhsjob.matcher.limit.ClientLimits;

/**
 * {@code POST /api/v1/alerts/preview}: what an alert with these criteria would match now,
 * answered by the same {@link MatchPreviews} as the subscription page's preview, in
 * process.
 */
@RestController
class PreviewController {

	static final int MAX_LIMIT = MatchPreviews.MAX_VACANCIES;

	/** Previews take a moment; a busy instance is likely free again within this. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final MatchPreviews previews;

	private final ClientLimits limits;

	PreviewController(MatchPreviews previews, ClientLimits limits) {
		this.previews = previews;
		this.limits = limits;
	}

	/**
	 * A limit above {@value #MAX_LIMIT} is taken as {@value #MAX_LIMIT}. Over the
	 * client's previews a minute the service's API advice answers {@code 429}.
	 */
	@PostMapping("/api/v1/alerts/preview")
	MatchPreview preview(@Valid @RequestBody Criteria criteria, @RequestParam(defaultValue = "20") int limit,
			HttpServletRequest http) {
		if (limit < 1) {
			throw new InvalidLimit();
		}
		this.limits.takePreview(http);
		return this.previews.preview(criteria.normalised(), Math.min(limit, MAX_LIMIT));
	}

	/**
	 * The instance's own capacity, not the caller's fault: {@code 503} with
	 * {@code Retry-After}, as for the service's other passing conditions (docs/alerts.md,
	 * "Preview").
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(PreviewsBusy ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"As many previews as this service runs at once are running; try again in a moment");
		problem.setTitle("Previews busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
			.body(problem);
	}

	/** Named like the body's field errors, which the service's API advice answers. */
	@ExceptionHandler
	ProblemDetail invalidLimit(InvalidLimit ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit: must be at least 1");
		problem.setTitle("Invalid preview");
		problem.setProperty("errors", List.of(Map.of("field", "limit", "message", "must be at least 1")));
		return problem;
	}

	private static final class InvalidLimit extends RuntimeException {

		InvalidLimit() {
			super("limit below 1", null, false, false);
		}

	}

}
