package uk.nhsjob.ingest;

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
