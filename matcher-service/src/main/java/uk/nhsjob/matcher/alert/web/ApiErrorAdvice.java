package uk.nhsjob.matcher.alert.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import uk.nhsjob.matcher.alert.AlertNotChangeable;
import uk.nhsjob.matcher.alert.AlertNotFound;
import uk.nhsjob.matcher.alert.TooManyAlerts;
import uk.nhsjob.matcher.limit.LimitReached;

/**
 * The API's errors as {@code application/problem+json}; a bad request lists each field at
 * fault in {@code errors}, with its path in the body ({@code criteria.radiusMiles}). For
 * every API controller of the service, the preview's too.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.toList();
		return handleExceptionInternal(ex, badRequest(errors), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = causeOf(ex, JacksonException.class);
		String field = (json != null) ? pathOf(json) : "";
		List<FieldError> errors = field.isEmpty() ? List.of(new FieldError("", "the body is not a valid alert"))
				: List.of(new FieldError(field, messageFor(json)));
		return handleExceptionInternal(ex, badRequest(errors), headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail tooManyAlerts(TooManyAlerts ex) {
		return problem(HttpStatus.CONFLICT, "Too many alerts", ex.getMessage());
	}

	/** Over a limit per client or overall (docs/alerts.md, "Limits"). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> limitReached(LimitReached ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
				"Too many requests from this client, or to the service as a whole; try again later.");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail notChangeable(AlertNotChangeable ex) {
		return problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(AlertNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "There is no such alert, or the token does not open it.");
	}

	@ExceptionHandler
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Changed meanwhile",
				"The alert changed while this request ran; try again.");
	}

	private static ProblemDetail badRequest(List<FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.field().isEmpty() ? error.message() : error.field() + ": " + error.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid alert", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** "criteria.roles" for a bad value anywhere in that list. */
	private static String pathOf(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map(JacksonException.Reference::getPropertyName)
			.filter((name) -> name != null)
			.collect(Collectors.joining("."));
	}

	private static String messageFor(@Nullable JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
				&& mismatch.getTargetType().isEnum()) {
			return "must be one of " + Arrays.stream(mismatch.getTargetType().getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
		}
		if (ex != null && ex.getCause() instanceof IllegalArgumentException invalid) {
			return String.valueOf(invalid.getMessage());
		}
		return "has a value of the wrong type";
	}

	private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** One field at fault. */
	record FieldError(String field, String message) {
	}

}
