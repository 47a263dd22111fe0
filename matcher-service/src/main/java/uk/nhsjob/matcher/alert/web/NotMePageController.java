package uk.nhsjob.matcher.alert.web;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.matcher.alert.AlertManagement;

/**
 * The confirmation email's "this wasn't me" link, for a reader who did not ask for the
 * alert (docs/alerts.md, "This wasn't me"). Opening it shows what would go and a button,
 * and changes nothing, so a link scanner erases nothing; the button's POST erases the
 * address at once, as {@code DELETE /api/v1/candidates/me} does.
 */
@Controller
@RequestMapping("/alerts/not-me")
class NotMePageController {

	private final AlertManagement management;

	NotMePageController(AlertManagement management) {
		this.management = management;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("email", this.management.disowned(token).email());
		model.addAttribute("token", token);
		return "alerts/not-me";
	}

	@PostMapping
	String erase(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.eraseAddress(this.management.disowned(token));
		model.addAttribute("what", "Your address is deleted, with every alert set up for it.");
		model.addAttribute("detail", "We will send it no more emails. Sorry for the one you got.");
		return "alerts/gone";
	}

}
