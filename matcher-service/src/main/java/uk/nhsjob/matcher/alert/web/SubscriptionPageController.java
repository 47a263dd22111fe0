package uk.nhsjob.matcher.alert.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews;
import uk.nhsjob.matcher.alert.MatchPreviews.MatchPreview;
import uk.nhsjob.matcher.alert.NewAlert;
import uk.nhsjob.matcher.alert.PreviewsBusy;
import uk.nhsjob.matcher.limit.ClientLimits;

/**
 * The subscription page at the service's root. It works as a plain form: "Show matching
 * jobs" posts the criteria and answers the page with the preview, "Create alert" posts
 * them with the address and creates the alert exactly as {@code POST /api/v1/alerts}
 * does, checked by the same validator. JavaScript only adds the live preview, from
 * {@code POST /api/v1/alerts/preview}; without it the page asks the same
 * {@link MatchPreviews} in process. Both count toward the client's limits as the API's
 * calls do; over one, {@link LimitPageErrorAdvice} answers a page asking to try later.
 */
@Controller
class SubscriptionPageController {

	/** How many of the matching vacancies the page lists. */
	static final int SHOWN = 5;

	private static final Logger log = LoggerFactory.getLogger(SubscriptionPageController.class);

	private final AlertManagement management;

	private final Validator validator;

	private final MatchPreviews previews;

	private final ClientLimits limits;

	SubscriptionPageController(AlertManagement management, Validator validator, MatchPreviews previews,
			ClientLimits limits) {
		this.management = management;
		this.validator = validator;
		this.previews = previews;
		this.limits = limits;
	}

	@GetMapping("/")
	String show(Model model) {
		return page(CriteriaForm.empty(), new PageProblems(), null, false, model);
	}

	@PostMapping("/preview")
	String preview(@ModelAttribute CriteriaForm form, Model model, HttpServletRequest http) {
		this.limits.takePreview(http);
		PageProblems problems = new PageProblems();
		Criteria criteria = form.criteria(problems);
		for (ConstraintViolation<Criteria> violation : this.validator.validate(criteria)) {
			problems.addViolation(violation.getPropertyPath().toString());
		}
		PreviewPanel preview = problems.isEmpty() ? preview(criteria) : null;
		return page(form, problems, preview, problems.isEmpty(), model);
	}

	@PostMapping("/")
	String subscribe(@ModelAttribute CriteriaForm form, Model model, HttpServletRequest http) {
		PageProblems problems = new PageProblems();
		Criteria criteria = form.criteria(problems);
		Frequency frequency = form.frequency(problems);
		NewAlert request = new NewAlert((form.email() != null) ? form.email().strip() : "", criteria, frequency);
		for (ConstraintViolation<NewAlert> violation : this.validator.validate(request)) {
			problems.addViolation(violation.getPropertyPath().toString());
		}
		if (!problems.isEmpty()) {
			return page(form, problems, null, false, model);
		}
		this.limits.takeAlertCreation(http);
		// the same answer whatever the address holds (docs/alerts.md, "How many alerts")
		this.management.create(request);
		model.addAttribute("email", request.email());
		model.addAttribute("summary", CriteriaSummary.of(criteria.normalised(), request.frequency()));
		return "alerts/check-your-email";
	}

	/**
	 * Null when the preview could not be had, the instance busy with others among them;
	 * the page then says so.
	 */
	private @Nullable PreviewPanel preview(Criteria criteria) {
		try {
			MatchPreview found = this.previews.preview(criteria.normalised(), SHOWN);
			return PreviewPanel.of(found.total(), found.vacancies());
		}
		catch (PreviewsBusy ex) {
			return null;
		}
		catch (RuntimeException ex) {
			log.warn("The preview for a page failed", ex);
			return null;
		}
	}

	private static String page(CriteriaForm form, PageProblems problems, @Nullable PreviewPanel preview,
			boolean previewAsked, Model model) {
		model.addAttribute("choices", CriteriaChoices.of(form));
		model.addAttribute("problems", problems);
		model.addAttribute("preview", preview);
		model.addAttribute("previewAsked", previewAsked);
		return "alerts/subscribe";
	}

}
