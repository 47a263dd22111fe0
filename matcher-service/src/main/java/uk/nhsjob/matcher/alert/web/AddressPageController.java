package uk.nhsjob.matcher.alert.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.matcher.alert.AddressAlerts;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.limit.ClientLimits;

/**
 * The pages of an address as a whole (docs/alerts.md, "Manage by email"): asking for the
 * link to its alerts by email, and the page that link opens, listing every alert with its
 * manage link and a button that erases everything.
 */
@Controller
class AddressPageController {

	private final AlertManagement management;

	private final ClientLimits limits;

	private final Validator validator;

	AddressPageController(AlertManagement management, ClientLimits limits, Validator validator) {
		this.management = management;
		this.limits = limits;
		this.validator = validator;
	}

	@GetMapping("/alerts/find")
	String find(Model model) {
		return findPage("", new PageProblems(), model);
	}

	/** The same page whatever the address holds, and over its hourly limit too. */
	@PostMapping("/alerts/find")
	String sendLink(@RequestParam(required = false) @Nullable String email, Model model, HttpServletRequest http) {
		String address = (email != null) ? email.strip() : "";
		PageProblems problems = new PageProblems();
		for (ConstraintViolation<ManageLinkRequest> violation : this.validator
			.validate(new ManageLinkRequest(address))) {
			problems.addViolation(violation.getPropertyPath().toString());
		}
		if (!problems.isEmpty()) {
			return findPage(address, problems, model);
		}
		this.limits.takeManageLink(http);
		this.management.requestAddressLink(address);
		model.addAttribute("email", address);
		return "alerts/find-sent";
	}

	@GetMapping("/alerts/mine")
	String mine(@RequestParam(required = false) @Nullable String token, Model model) {
		AddressAlerts held = this.management.addressAlerts(token);
		model.addAttribute("email", held.email());
		model.addAttribute("alerts", held.alerts().stream().map(this::row).toList());
		model.addAttribute("token", token);
		return "alerts/mine";
	}

	@PostMapping("/alerts/mine/erase")
	String erase(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.eraseAddressOfLink(token);
		model.addAttribute("what", "Every alert of your address is deleted, and everything we held about it.");
		model.addAttribute("detail", "We will send you no more emails.");
		return "alerts/gone";
	}

	private AlertRow row(Alert alert) {
		return new AlertRow(CriteriaSummary.headline(alert.criteria()), alert.status().name().toLowerCase(Locale.ROOT),
				ManagePageController.STATUS_WORDS.get(alert.status())[0],
				CriteriaSummary.of(alert.criteria(), alert.frequency()), this.management.manageUrl(alert));
	}

	private static String findPage(String email, PageProblems problems, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("problems", problems);
		return "alerts/find";
	}

	/** One alert on the "my alerts" page. */
	record AlertRow(String description, String statusClass, String statusWords, List<CriteriaSummary.Row> summary,
			String manageUrl) {
	}

}
