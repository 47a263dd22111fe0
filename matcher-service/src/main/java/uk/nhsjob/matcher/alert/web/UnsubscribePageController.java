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
 * The unsubscribe link. Opening it shows a button and changes nothing; a POST, whether
 * the button's or a mail client's RFC 8058 one-click ({@code List-Unsubscribe=One-Click},
 * form-encoded or multipart), unsubscribes at once and answers {@code 200}, never a
 * redirect. The token alone decides: a POST without the one-click field unsubscribes too,
 * as a link scanner does not POST.
 */
@Controller
@RequestMapping("/alerts/unsubscribe")
class UnsubscribePageController {

	private final AlertManagement management;

	UnsubscribePageController(AlertManagement management) {
		this.management = management;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.toUnsubscribe(token);
		model.addAttribute("token", token);
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		model.addAttribute("status", alert.status());
		return "alerts/unsubscribe";
	}

	@PostMapping
	String unsubscribe(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.unsubscribe(token);
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		return "alerts/unsubscribed";
	}

}
