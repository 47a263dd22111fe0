package uk.nhsjob.matcher.alert;

import java.util.List;

import uk.nhsjob.common.vocabulary.Role;

/**
 * One line that says what an alert looks for, for an email's subject: "medical secretary
 * jobs within 10 miles of LS6".
 */
public final class CriteriaDescription {

	private CriteriaDescription() {
	}

	/** Describes criteria in their stored form ({@link Criteria#normalised()}). */
	public static String of(Criteria criteria) {
		StringBuilder line = new StringBuilder(roles(criteria.roles())).append("jobs");
		if (criteria.postcode() != null) {
			int radius = (criteria.radiusMiles() != null) ? criteria.radiusMiles() : Criteria.DEFAULT_RADIUS_MILES;
			line.append(" within ").append(radius).append((radius == 1) ? " mile" : " miles");
			line.append(" of ").append(criteria.postcode());
		}
		return line.toString();
	}

	/** "", "medical secretary ", "clinical coder or medical secretary ", "a, b or c ". */
	private static String roles(List<Role> roles) {
		if (roles.isEmpty()) {
			return "";
		}
		List<String> labels = roles.stream().map(Role::label).toList();
		String last = labels.get(labels.size() - 1);
		String rest = String.join(", ", labels.subList(0, labels.size() - 1));
		return (rest.isEmpty() ? last : rest + " or " + last) + " ";
	}

}
