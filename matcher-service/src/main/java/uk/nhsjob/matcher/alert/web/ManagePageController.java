package uk.nhsjob.matcher.alert.web;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.alert.AlertNotChangeable;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * The manage link's pages: see and edit the alert, pause or resume it, delete it, or
 * erase everything held about its address (after a page that asks to be sure). Every
 * change is a POST of a form carrying the token; the answers are pages, not redirects, so
 * the token never lands in a history entry of its own.
 */
@Controller
@RequestMapping("/alerts/manage")
class ManagePageController {

	/** Each status in words, with a hint; the "my alerts" page shows them too. */
	static final Map<AlertStatus, String[]> STATUS_WORDS = Map.of(AlertStatus.ACTIVE,
			new String[] { "Active", "We email you new jobs that match." }, AlertStatus.PAUSED,
			new String[] { "Paused", "We send nothing until you resume it." }, AlertStatus.PENDING_CONFIRMATION,
			new String[] { "Waiting for you to confirm", "Select the link in the email we sent you to start it." },
			AlertStatus.UNSUBSCRIBED,
			new String[] { "Unsubscribed", "We send nothing for it. Set up a new alert to receive jobs again." },
			AlertStatus.EXPIRED,
			new String[] { "Expired", "Nobody confirmed it in time. Set up a new alert to receive jobs." });

	private final AlertManagement management;

	private final Validator validator;

	ManagePageController(AlertManagement management, Validator validator) {
		this.management = management;
		this.validator = validator;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String token, Model model) {
		return page(this.management.managed(token), token, null, null, new PageProblems(), model);
	}

	/**
	 * @param closingSoon the closing-soon checkbox: a form leaves out a box not ticked,
	 * so absent turns reminders off
	 */
	@PostMapping
	String edit(@RequestParam(required = false) @Nullable String token, @ModelAttribute CriteriaForm form,
			@RequestParam(required = false) @Nullable String closingSoon, Model model) {
		Alert alert = this.management.managed(token);
		PageProblems problems = new PageProblems();
		Criteria criteria = form.criteria(problems);
		Frequency frequency = form.frequency(problems);
		for (ConstraintViolation<Criteria> violation : this.validator.validate(criteria)) {
			problems.addViolation(violation.getPropertyPath().toString());
		}
		if (frequency == null) {
			problems.add("frequency");
		}
		boolean remind = "true".equals(closingSoon) || "on".equals(closingSoon);
		if (!problems.isEmpty() || frequency == null) {
			page(alert, token, null, form, problems, model);
			model.addAttribute("closingSoon", remind);
			return "alerts/manage";
		}
		return change(alert, token, criteria, frequency, alert.status() == AlertStatus.PAUSED, remind,
				"Your alert is saved.", model);
	}

	@PostMapping("/pause")
	String pause(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.managed(token);
		return change(alert, token, alert.criteria(), alert.frequency(), true, alert.closingSoon(),
				"Your alert is paused.", model);
	}

	@PostMapping("/resume")
	String resume(@RequestParam(required = false) @Nullable String token, Model model) {
		Alert alert = this.management.managed(token);
		return change(alert, token, alert.criteria(), alert.frequency(), false, alert.closingSoon(),
				"Your alert is on again: it sends vacancies published from now on.", model);
	}

	@PostMapping("/delete")
	String delete(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.delete(this.management.managed(token));
		model.addAttribute("what", "This alert is deleted.");
		model.addAttribute("detail", "We will send you nothing more about it, and no longer hold what it looked for.");
		return "alerts/gone";
	}

	/** Asks to be sure; changes nothing. */
	@GetMapping("/erase")
	String askToErase(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("email", this.management.managed(token).email());
		model.addAttribute("token", token);
		return "alerts/erase";
	}

	@PostMapping("/erase")
	String erase(@RequestParam(required = false) @Nullable String token, Model model) {
		this.management.eraseAddress(this.management.managed(token));
		model.addAttribute("what", "Every alert of your address is deleted, and everything we held about it.");
		model.addAttribute("detail", "We will send you no more emails.");
		return "alerts/gone";
	}

	private String change(Alert alert, @Nullable String token, Criteria criteria, Frequency frequency, boolean paused,
			boolean closingSoon, String done, Model model) {
		try {
			return page(this.management.edit(alert, criteria, frequency, paused, closingSoon), token, done, null,
					new PageProblems(), model);
		}
		catch (AlertNotChangeable | OptimisticLockingFailureException ex) {
			PageProblems problems = new PageProblems();
			problems.add("alert", (ex instanceof AlertNotChangeable) ? capitalised(ex.getMessage())
					: "The alert changed meanwhile; please try again.");
			return page(this.management.managed(token), token, null, null, problems, model);
		}
	}

	/**
	 * @param form the form as posted, shown again when it has problems; otherwise the
	 * alert as saved
	 */
	private static String page(Alert alert, @Nullable String token, @Nullable String done, @Nullable CriteriaForm form,
			PageProblems problems, Model model) {
		String[] status = STATUS_WORDS.get(alert.status());
		model.addAttribute("token", token);
		model.addAttribute("alert", AlertView.of(alert));
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		model.addAttribute("summary", CriteriaSummary.of(alert.criteria(), alert.frequency()));
		model.addAttribute("statusWords", status[0]);
		model.addAttribute("statusHint", status[1]);
		model.addAttribute("live", alert.isLive());
		model.addAttribute("closingSoon", alert.closingSoon());
		model.addAttribute("done", done);
		model.addAttribute("problems", problems);
		model.addAttribute("choices", CriteriaChoices
			.of((form != null) ? form : CriteriaForm.of(alert.email(), alert.criteria(), alert.frequency())));
		return "alerts/manage";
	}

	private static String capitalised(@Nullable String message) {
		return (message == null || message.isEmpty()) ? "This is not possible now"
				: Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
