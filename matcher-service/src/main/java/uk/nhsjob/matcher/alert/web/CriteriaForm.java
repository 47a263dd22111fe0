package uk.nhsjob.matcher.alert.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * The subscription and manage pages' form exactly as posted: every field a string, so a
 * value that is not a number or not one of the choices becomes a problem on the page
 * rather than a failed binding. {@link #criteria} reads it into {@link Criteria} for the
 * validator the API uses.
 *
 * @param anySecretaryRole "true" stands for every secretary role (one tick, no script)
 */
record CriteriaForm(@Nullable String email, @Nullable List<String> roles, @Nullable String anySecretaryRole,
		@Nullable String bandMin, @Nullable String bandMax, @Nullable String postcode, @Nullable String radiusMiles,
		@Nullable String includeRemote, @Nullable List<String> workingPatterns, @Nullable List<String> contractTypes,
		@Nullable List<String> specialties, @Nullable List<String> employerTypes, @Nullable String minSalary,
		@Nullable String keywords, @Nullable String frequency) {

	/** The form filled in with an alert's criteria and frequency. */
	static CriteriaForm of(@Nullable String email, Criteria criteria, @Nullable Frequency frequency) {
		return new CriteriaForm(email, names(criteria.roles()), null,
				(criteria.bandMin() != null) ? criteria.bandMin().name() : null,
				(criteria.bandMax() != null) ? criteria.bandMax().name() : null, criteria.postcode(),
				(criteria.radiusMiles() != null) ? criteria.radiusMiles().toString() : null,
				Boolean.TRUE.equals(criteria.includeRemote()) ? "true" : null, names(criteria.workingPatterns()),
				names(criteria.contractTypes()), names(criteria.specialties()), names(criteria.employerTypes()),
				(criteria.minSalary() != null) ? criteria.minSalary().toString() : null, criteria.keywords(),
				(frequency != null) ? frequency.name() : null);
	}

	/** An empty form: any job, emailed as soon as one is published. */
	static CriteriaForm empty() {
		return of(null, Criteria.ANY, Frequency.INSTANT);
	}

	/**
	 * The criteria this form asks for, as they are before validation; a value that cannot
	 * be read is left out and recorded as a problem.
	 */
	Criteria criteria(PageProblems problems) {
		List<Role> chosenRoles = new ArrayList<>(values("roles", this.roles, Role.class, problems));
		if (isTicked(this.anySecretaryRole)) {
			chosenRoles.addAll(CriteriaChoices.SECRETARY_ROLES);
		}
		return new Criteria(chosenRoles, value("bandMin", this.bandMin, Band.class, problems),
				value("bandMax", this.bandMax, Band.class, problems), blankToNull(this.postcode),
				number("radiusMiles", this.radiusMiles, problems), isTicked(this.includeRemote) ? Boolean.TRUE : null,
				values("workingPatterns", this.workingPatterns, WorkingPattern.class, problems),
				values("contractTypes", this.contractTypes, ContractType.class, problems),
				values("specialties", this.specialties, Specialty.class, problems),
				values("employerTypes", this.employerTypes, EmployerType.class, problems),
				number("minSalary", this.minSalary, problems), blankToNull(this.keywords));
	}

	/**
	 * The frequency asked for, or null (and a problem) when none or an unknown one is.
	 */
	@Nullable Frequency frequency(PageProblems problems) {
		return value("frequency", this.frequency, Frequency.class, problems);
	}

	boolean hasRole(Role role) {
		return this.roles != null && this.roles.contains(role.name());
	}

	boolean isAnySecretaryRole() {
		return isTicked(this.anySecretaryRole);
	}

	boolean has(@Nullable List<String> values, Enum<?> value) {
		return values != null && values.contains(value.name());
	}

	private static boolean isTicked(@Nullable String value) {
		return "true".equals(value) || "on".equals(value);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Whole numbers only, "25,000" and "£25000" as typed too. */
	private static @Nullable Integer number(String field, @Nullable String value, PageProblems problems) {
		String digits = blankToNull(value);
		if (digits == null) {
			return null;
		}
		digits = digits.replace(",", "").replace("£", "").strip();
		try {
			return Integer.valueOf(digits);
		}
		catch (NumberFormatException ex) {
			problems.add(field);
			return null;
		}
	}

	private static <E extends Enum<E>> @Nullable E value(String field, @Nullable String value, Class<E> type,
			PageProblems problems) {
		List<E> read = values(field, (value == null || value.isBlank()) ? null : List.of(value), type, problems);
		return read.isEmpty() ? null : read.get(0);
	}

	private static <E extends Enum<E>> List<E> values(String field, @Nullable List<String> values, Class<E> type,
			PageProblems problems) {
		if (values == null) {
			return List.of();
		}
		List<E> read = new ArrayList<>();
		for (String value : values) {
			if (value.isBlank()) {
				continue;
			}
			try {
				read.add(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(field);
			}
		}
		return read;
	}

	private static <E extends Enum<E>> List<String> names(List<E> values) {
		return values.stream().map((Function<E, String>) Enum::name).toList();
	}

}
