package uk.nhsjob.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The whole-request errors of the service, each answered as
 * {@code application/problem+json}.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException of(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	/** 401, with the challenge a client needs to know which credentials are wanted. */
	public static ErrorResponseException unauthorized(String detail) {
		ErrorResponseException problem = of(HttpStatus.UNAUTHORIZED, detail);
		problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return problem;
	}

	public static ErrorResponseException unavailable(String detail, Duration retryAfter) {
		ErrorResponseException problem = of(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
		return problem;
	}

	/**
	 * The {@code type} of a {@code 409}: another feed of the source held it past the
	 * wait.
	 */
	public static final URI FEED_IN_PROGRESS = URI.create("urn:nhsjob:problem:feed-in-progress");

	/** The {@code type} of a {@code 409}: the feed's lease on its source was taken. */
	public static final URI FEED_LEASE_LOST = URI.create("urn:nhsjob:problem:feed-lease-lost");

	/**
	 * 409 of a feed that could not have its source to itself, with its own {@code type}
	 * and {@code Retry-After}.
	 */
	public static ErrorResponseException conflict(URI type, String title, String detail, Duration retryAfter) {
		ErrorResponseException problem = of(HttpStatus.CONFLICT, detail);
		problem.getBody().setType(type);
		problem.getBody().setTitle(title);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		return problem;
	}

	/**
	 * The {@code type} of a {@code 422}: the feed would leave its source more open
	 * vacancies than its cap (docs/feeds.md, "Limits").
	 */
	public static final URI TOO_MANY_OPEN_VACANCIES = URI.create("urn:nhsjob:problem:too-many-open-vacancies");

	/**
	 * 422 of a feed refused whole for its source's cap, with the limit and the count it
	 * would have left open as {@code limit} and {@code wouldBeOpen}.
	 */
	public static ErrorResponseException tooManyOpenVacancies(String detail, int limit, int wouldBeOpen) {
		ErrorResponseException problem = of(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.getBody().setType(TOO_MANY_OPEN_VACANCIES);
		problem.getBody().setTitle("Too many open vacancies for the source");
		problem.getBody().setProperty("limit", limit);
		problem.getBody().setProperty("wouldBeOpen", wouldBeOpen);
		return problem;
	}

	/** 400 naming the fields that are wrong, as {@code errors: [{field, message}]}. */
	public static ErrorResponseException invalid(String detail, List<FieldProblem> errors) {
		ErrorResponseException problem = of(HttpStatus.BAD_REQUEST, detail);
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	/** One field of a request that is wrong, and why. */
	public record FieldProblem(String field, String message) {
	}

}
