package uk.nhsjob.matcher.alert.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.CriteriaDescription;

/**
 * An alert's criteria in words, one row per question the subscription page asks, so a
 * person sees at a glance what the alert sends.
 */
final class CriteriaSummary {

	private CriteriaSummary() {
	}

	/** Rows for criteria in their stored form; "Any" where a question was left open. */
	static List<Row> of(Criteria criteria, Frequency frequency) {
		return List.of(new Row("Jobs", roles(criteria.roles())), new Row("Where", where(criteria)),
				new Row("Pay band", bands(criteria)),
				new Row("Lowest salary",
						(criteria.minSalary() != null) ? pounds(criteria.minSalary()) + " a year, full time" : "Any"),
				new Row("Working pattern", list(criteria.workingPatterns(), "Any")),
				new Row("Contract", list(criteria.contractTypes(), "Any")),
				new Row("Employer", list(criteria.employerTypes(), "Any")),
				new Row("Specialties", list(criteria.specialties(), "Any")),
				new Row("Keywords", (criteria.keywords() != null) ? criteria.keywords() : "None"),
				new Row("How often", Labels.of(frequency)));
	}

	/**
	 * A short line for a page's heading: "medical secretary jobs within 10 miles of BS1"
	 * when every secretary role is asked for, the email subject's line when up to three
	 * roles are, "jobs in 5 kinds of role within …" otherwise.
	 */
	static String headline(Criteria criteria) {
		List<Role> roles = criteria.roles();
		if (roles.size() <= 3) {
			return CriteriaDescription.of(criteria);
		}
		// "jobs" or "jobs within 10 miles of BS1"
		String where = CriteriaDescription.of(new Criteria(List.of(), null, null, criteria.postcode(),
				criteria.radiusMiles(), null, List.of(), List.of(), List.of(), List.of(), null, null));
		boolean secretaries = roles.size() == CriteriaChoices.SECRETARY_ROLES.size()
				&& roles.containsAll(CriteriaChoices.SECRETARY_ROLES);
		return secretaries ? "medical secretary " + where
				: "jobs in " + roles.size() + " kinds of role" + where.substring("jobs".length());
	}

	/**
	 * "Any medical secretary role, and practice manager" when it has every secretary role
	 * and the practice manager's.
	 */
	private static String roles(List<Role> roles) {
		if (!roles.containsAll(CriteriaChoices.SECRETARY_ROLES)) {
			return list(roles, "Any kind of job");
		}
		List<Role> others = roles.stream().filter((role) -> !CriteriaChoices.SECRETARY_ROLES.contains(role)).toList();
		return "Any medical secretary role" + (others.isEmpty() ? "" : ", and " + list(others, "").toLowerCase());
	}

	private static String where(Criteria criteria) {
		if (criteria.postcode() == null) {
			return "Anywhere in the UK";
		}
		int radius = (criteria.radiusMiles() != null) ? criteria.radiusMiles() : Criteria.DEFAULT_RADIUS_MILES;
		return "Within " + radius + ((radius == 1) ? " mile" : " miles") + " of " + criteria.postcode()
				+ (Boolean.TRUE.equals(criteria.includeRemote()) ? ", and jobs you can do from home" : "");
	}

	private static String bands(Criteria criteria) {
		if (criteria.bandMin() == null && criteria.bandMax() == null) {
			return "Any";
		}
		if (criteria.bandMax() == null) {
			return criteria.bandMin() + " or above";
		}
		if (criteria.bandMin() == null) {
			return criteria.bandMax() + " or below";
		}
		return (criteria.bandMin() == criteria.bandMax()) ? criteria.bandMin().toString()
				: criteria.bandMin() + " to " + criteria.bandMax().label();
	}

	private static String list(List<? extends Enum<?>> values, String none) {
		if (values.isEmpty()) {
			return none;
		}
		String words = values.stream().map(Labels::inSentence).collect(Collectors.joining(", "));
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String pounds(int amount) {
		return "£" + NumberFormat.getIntegerInstance(Locale.UK).format(amount);
	}

	/** One question and its answer. */
	record Row(String key, String value) {
	}

}
