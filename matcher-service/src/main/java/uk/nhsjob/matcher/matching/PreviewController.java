package uk.nhsjob.matcher.matching;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews.MatchPreview;

/**
 * {@code POST /api/v1/alerts/preview}: what an alert with these criteria would match now,
 * answered by the same {@link OpenVacancyPreviews} as the subscription page's preview.
 */
@RestController
class PreviewController {

	static final int MAX_LIMIT = 100;

	private final OpenVacancyPreviews previews;

	PreviewController(OpenVacancyPreviews previews) {
		this.previews = previews;
	}

	/** A limit above {@value #MAX_LIMIT} is taken as {@value #MAX_LIMIT}. */
	@PostMapping("/api/v1/alerts/preview")
	MatchPreview preview(@Valid @RequestBody Criteria criteria, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1) {
			throw new InvalidLimit();
		}
		return this.previews.preview(criteria.normalised(), Math.min(limit, MAX_LIMIT));
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
