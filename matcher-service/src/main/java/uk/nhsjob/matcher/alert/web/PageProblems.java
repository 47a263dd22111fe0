package uk.nhsjob.matcher.alert.web;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is wrong with a posted form, at most one problem per field, in the order the
 * fields appear on the page, each worded for the person filling it in and linked to its
 * field. The templates call the public methods.
 */
final class PageProblems implements Iterable<PageProblems.Problem> {

	/** The fields in page order, each with the element its summary link goes to. */
	private static final List<String> FIELDS = List.of("roles", "postcode", "radiusMiles", "bandMin", "bandMax",
			"minSalary", "workingPatterns", "contractTypes", "employerTypes", "specialties", "keywords", "email",
			"frequency", "alert");

	private static final Map<String, String> MESSAGES = Map.ofEntries(
			Map.entry("roles", "Choose kinds of job from the list"),
			Map.entry("postcode", "Enter a real UK postcode, like LS6 2AB, or its first half, like LS6"),
			Map.entry("radiusMiles", "Enter a distance from 1 to 100 miles"),
			Map.entry("bandMin", "Choose a band from the list"),
			Map.entry("bandMax", "The highest band must be the same as or above the lowest band"),
			Map.entry("minSalary", "Enter the lowest salary in whole pounds, like 25000"),
			Map.entry("workingPatterns", "Choose working patterns from the list"),
			Map.entry("contractTypes", "Choose contracts from the list"),
			Map.entry("employerTypes", "Choose employers from the list"),
			Map.entry("specialties", "Choose specialties from the list"),
			Map.entry("keywords", "Keywords must be 500 characters or fewer"),
			Map.entry("email", "Enter an email address in the correct format, like name@example.com"),
			Map.entry("frequency", "Choose how often we should email you"));

	private static final Map<String, String> ANCHORS = Map.of("roles", "anySecretaryRole", "workingPatterns",
			"workingPatterns-FULL_TIME", "contractTypes", "contractTypes-PERMANENT", "employerTypes",
			"employerTypes-NHS_TRUST", "specialties", "specialties-ANAESTHETICS", "alert", "maincontent");

	private final Map<String, Problem> byField = new TreeMap<>(Comparator.comparingInt(FIELDS::indexOf));

	/** A problem with a field, in its usual words. */
	void add(String field) {
		add(field, MESSAGES.getOrDefault(field, "Check this answer"));
	}

	/**
	 * A problem in words of its own; {@code alert} for one about the alert as a whole.
	 */
	void add(String field, String message) {
		String known = FIELDS.contains(field) ? field : "alert";
		this.byField.putIfAbsent(known, new Problem(known, ANCHORS.getOrDefault(known, known), message));
	}

	/** A problem the validator found, by its path: "email", "criteria.postcode". */
	void addViolation(String path) {
		add(path.startsWith("criteria.") ? path.substring("criteria.".length()) : path);
	}

	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public String messageFor(String field) {
		Problem problem = this.byField.get(field);
		return (problem != null) ? problem.message() : "";
	}

	public boolean isEmpty() {
		return this.byField.isEmpty();
	}

	@Override
	public Iterator<Problem> iterator() {
		return this.byField.values().iterator();
	}

	/** One field's problem; {@code anchor} is the id of the element to go to. */
	record Problem(String field, String anchor, String message) {
	}

}
