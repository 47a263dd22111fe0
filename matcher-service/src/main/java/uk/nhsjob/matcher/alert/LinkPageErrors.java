package uk.nhsjob.matcher.alert;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One page for every link that does not open an alert, whether its token is wrong,
 * expired, for another purpose or revoked, or its alert is gone.
 */
@ControllerAdvice(assignableTypes = { ConfirmationPages.class, ManagePages.class, UnsubscribePages.class })
class LinkPageErrors {

	@ExceptionHandler(AlertNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "alerts/link-not-found";
	}

}
