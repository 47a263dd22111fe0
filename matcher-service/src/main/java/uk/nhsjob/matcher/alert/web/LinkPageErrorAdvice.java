package uk.nhsjob.matcher.alert.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import uk.nhsjob.matcher.alert.AlertNotFound;
import uk.nhsjob.matcher.alert.TooManyAlerts;

/**
 * One page for every link that does not open an alert, whether its token is wrong,
 * expired, for another purpose or revoked, or its alert is gone; and the page for a
 * confirmation over the address's limit.
 */
@ControllerAdvice(assignableTypes = { ConfirmationPageController.class, ManagePageController.class,
		UnsubscribePageController.class, NotMePageController.class, AddressPageController.class })
class LinkPageErrorAdvice {

	@ExceptionHandler(AlertNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "alerts/link-not-found";
	}

	/**
	 * Confirming an alert of an address that already has its fill of confirmed ones: a
	 * page asking to delete one first (docs/alerts.md, "How many alerts").
	 */
	@ExceptionHandler(TooManyAlerts.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String tooMany(TooManyAlerts ex, Model model) {
		model.addAttribute("limit", ex.limit());
		return "alerts/too-many";
	}

}
