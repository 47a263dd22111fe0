package uk.nhsjob.matcher.alert.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import uk.nhsjob.matcher.limit.LimitReached;

/**
 * The forms' answer over a limit per client or overall (docs/alerts.md, "Limits"): a
 * plain page asking to try later, with the same {@code 429} and {@code Retry-After} the
 * API gives.
 */
@ControllerAdvice(assignableTypes = { SubscriptionPageController.class, AddressPageController.class })
class LimitPageErrorAdvice {

	@ExceptionHandler
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String limitReached(LimitReached ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		return "alerts/try-later";
	}

}
