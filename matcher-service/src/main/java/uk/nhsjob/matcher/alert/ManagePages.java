package uk.nhsjob.matcher.alert;

import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * The manage link's pages: see and edit the alert, pause or resume it, delete it, or
 * erase everything held about its address. Every change is a POST of a form carrying the
 * token; the answers are pages, not redirects, so the token never lands in a history
 * entry of its own.
 */
@Controller
@RequestMapping("/alerts/manage")
class ManagePages {

	private final AlertManagement management;

	ManagePages(AlertManagement management) {
		this.management = management;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String token, Model model) {
		return page(this.management.managed(token), token, null, model);
	}

	@PostMapping
	String edit(@RequestParam(required = false) @Nullable String token,
			@Valid @ModelAttribute("criteria") Criteria criteria, BindingResult errors,
			@RequestParam Frequency frequency, Model model) {
		Alert alert = this.management.managed(token);
		if (errors.hasErrors()) {
			model.addAttribute("errors",
					errors.getFieldErrors()
						.stream()
						.map((error) -> error.getField() + ": " + error.getDefaultMessage())
						.toList());
			return page(alert, token, null, model);
		}
		return change(alert, token, criteria, frequency, alert.status() == AlertStatus.PAUSED, "Your alert is saved.",
				model);
	}

	@PostMapping("/pause")
	String pause(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.managed(token);
		return change(alert, token, alert.criteria(), alert.frequency(), true, "Your alert is paused.", model);
	}

	@PostMapping("/resume")
	String resume(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.managed(token);
		return change(alert, token, alert.criteria(), alert.frequency(), false,
				"Your alert is on again: it sends vacancies published from now on.", model);
	}

	@PostMapping("/delete")
	String delete(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.delete(this.management.managed(token));
		model.addAttribute("what", "This alert is deleted.");
		return "alerts/gone";
	}

	@PostMapping("/erase")
	String erase(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.eraseAddress(this.management.managed(token));
		model.addAttribute("what", "Every alert of your address is deleted, and everything we held about it.");
		return "alerts/gone";
	}

	private String change(Alert alert, @Nullable String token, Criteria criteria, Frequency frequency, boolean paused,
			String done, Model model) {
		try {
			return page(this.management.edit(alert, criteria, frequency, paused), token, done, model);
		}
		catch (AlertNotChangeable | OptimisticLockingFailureException ex) {
			model.addAttribute("errors", List.of((ex instanceof AlertNotChangeable) ? ex.getMessage()
					: "The alert changed meanwhile; please try again."));
			return page(this.management.managed(token), token, null, model);
		}
	}

	private static String page(Alert alert, @Nullable String token, @Nullable String done, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("alert", AlertView.of(alert));
		model.addAttribute("description", CriteriaDescription.of(alert.criteria()));
		model.addAttribute("done", done);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("criteria", alert.criteria());
		}
		model.addAttribute("roles", Role.values());
		model.addAttribute("bands", Band.values());
		model.addAttribute("workingPatterns", WorkingPattern.values());
		model.addAttribute("contractTypes", ContractType.values());
		model.addAttribute("specialties", Specialty.values());
		model.addAttribute("employerTypes", EmployerType.values());
		model.addAttribute("frequencies", Frequency.values());
		return "alerts/manage";
	}

}
