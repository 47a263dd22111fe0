package uk.nhsjob.matcher.alert.web;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertManagement;

/**
 * The confirmation link's pages. Opening the link only shows a button; the button's POST
 * confirms, so a mail scanner that follows links confirms nothing.
 */
@Controller
@RequestMapping("/alerts/confirm")
class ConfirmationPageController {

	private final AlertManagement management;

	ConfirmationPageController(AlertManagement management) {
		this.management = management;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.toConfirm(token);
		model.addAttribute("token", token);
		describe(alert, model);
		return "alerts/confirm";
	}

	@PostMapping
	String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.confirm(token);
		describe(alert, model);
		return "alerts/confirmed";
	}

	private static void describe(Alert alert, Model model) {
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		model.addAttribute("summary", CriteriaSummary.of(alert.criteria(), alert.frequency()));
		model.addAttribute("email", alert.email());
		model.addAttribute("status", alert.status());
		model.addAttribute("frequencyInSentence", switch (alert.frequency()) {
			case INSTANT -> "as soon as they are published";
			case DAILY -> "once a day, at 7am";
			case WEEKLY -> "once a week, on Mondays at 7am";
		});
	}

}
