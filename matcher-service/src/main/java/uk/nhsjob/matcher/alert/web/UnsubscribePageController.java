package uk.nhsjob.matcher.alert.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertManagement;
import uk.nhsjob.matcher.alert.AlertNotFound;
import uk.nhsjob.common.vocabulary.AlertStatus;

/**
 * The unsubscribe link. Opening it shows a button and changes nothing; a POST, whether
 * the button's or a mail client's RFC 8058 one-click ({@code List-Unsubscribe=One-Click},
 * form-encoded or multipart), unsubscribes at once and answers {@code 200}, never a
 * redirect. The token alone decides: a POST without the one-click field unsubscribes too,
 * as a link scanner does not POST.
 * <p>
 * The link of an email of several alerts carries the token of each
 * ({@code ?token=A&token=B}, at most {@value #MAX_TOKENS}): its page lists the alerts,
 * and its POST unsubscribes every alert whose token is good and lists those it ended; a
 * token not recognised among good ones is passed over, and the page says that one link
 * was not recognised. None recognised, or more than {@value #MAX_TOKENS} tokens: the same
 * {@code 404} as one bad token (docs/alerts.md, "The candidate's pages").
 */
@Controller
@RequestMapping("/alerts/unsubscribe")
class UnsubscribePageController {

	/** The most tokens one link may carry: an email holds at most ten alerts. */
	static final int MAX_TOKENS = 20;

	private final AlertManagement management;

	UnsubscribePageController(AlertManagement management) {
		this.management = management;
	}

	@GetMapping
	String show(@RequestParam(name = "token", required = false) @Nullable List<String> tokens, Model model) {
		List<String> distinct = distinct(tokens);
		if (distinct.size() > 1) {
			Found found = find(distinct, this.management::toUnsubscribe);
			model.addAttribute("tokens", found.tokens());
			model.addAttribute("alerts", found.alerts());
			model.addAttribute("unrecognised", found.unrecognised());
			return "alerts/unsubscribe-several";
		}
		String token = distinct.isEmpty() ? null : distinct.get(0);
		Alert alert = this.management.toUnsubscribe(token);
		model.addAttribute("token", token);
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		model.addAttribute("status", alert.status());
		return "alerts/unsubscribe";
	}

	@PostMapping
	String unsubscribe(@RequestParam(name = "token", required = false) @Nullable List<String> tokens, Model model) {
		List<String> distinct = distinct(tokens);
		if (distinct.size() > 1) {
			Found found = find(distinct, this.management::unsubscribe);
			model.addAttribute("alerts", found.alerts());
			model.addAttribute("unrecognised", found.unrecognised());
			return "alerts/unsubscribed-several";
		}
		Alert alert = this.management.unsubscribe(distinct.isEmpty() ? null : distinct.get(0));
		model.addAttribute("description", CriteriaSummary.headline(alert.criteria()));
		return "alerts/unsubscribed";
	}

	private static List<String> distinct(@Nullable List<String> tokens) {
		if (tokens == null) {
			return List.of();
		}
		List<String> distinct = tokens.stream().filter((token) -> !token.isBlank()).distinct().toList();
		if (distinct.size() > MAX_TOKENS) {
			throw new AlertNotFound();
		}
		return distinct;
	}

	/** Each token's alert, as {@code action} gives it; none recognised is a 404. */
	private static Found find(List<String> tokens, Function<String, Alert> action) {
		List<String> good = new ArrayList<>();
		List<Listed> alerts = new ArrayList<>();
		for (String token : tokens) {
			try {
				Alert alert = action.apply(token);
				good.add(token);
				alerts.add(new Listed(CriteriaSummary.headline(alert.criteria()),
						alert.status() == AlertStatus.UNSUBSCRIBED));
			}
			catch (AlertNotFound ex) {
				// a link not recognised among good ones: passed over, and said so
			}
		}
		if (alerts.isEmpty()) {
			throw new AlertNotFound();
		}
		return new Found(good, alerts, tokens.size() - good.size());
	}

	/** An alert of the link, as its page shows it. */
	record Listed(String description, boolean unsubscribed) {
	}

	private record Found(List<String> tokens, List<Listed> alerts, int unrecognised) {
	}

}
