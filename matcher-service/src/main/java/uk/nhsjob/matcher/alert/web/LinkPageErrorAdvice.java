package uk.nhsjob.matcher.alert.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import uk.nhsjob.matcher.alert.AlertNotFound;

/**
 * One page for every link that does not open an alert, whether its token is wrong,
 * expired, for another purpose or revoked, or its alert is gone.
 */
@ControllerAdvice(assignableTypes = { ConfirmationPageController.class, ManagePageController.class,
		UnsubscribePageController.class, NotMePageController.class })
class LinkPageErrorAdvice {

	@ExceptionHandler(AlertNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "alerts/link-not-found";
	}

}
