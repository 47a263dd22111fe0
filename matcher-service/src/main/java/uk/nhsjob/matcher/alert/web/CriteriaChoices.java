package uk.nhsjob.matcher.alert.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Role.RoleGroup;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * Everything the criteria fields show: each choice with its label and whether it is
 * ticked, and the typed values as they were typed.
 */
record CriteriaChoices(boolean anySecretaryRole, List<Group> roleGroups, List<Choice> bands, @Nullable String bandMin,
		@Nullable String bandMax, @Nullable String postcode, @Nullable String radiusMiles, boolean includeRemote,
		@Nullable String minSalary, List<Choice> workingPatterns, List<Choice> contractTypes,
		List<Choice> employerTypes, List<Choice> specialties, @Nullable String keywords, List<Choice> frequencies,
		@Nullable String email) {

	static final List<Role> SECRETARY_ROLES = Arrays.stream(Role.values())
		.filter((role) -> role.group() == RoleGroup.SECRETARY)
		.toList();

	private static final Map<RoleGroup, String> GROUP_LEGENDS = Map.of(RoleGroup.SECRETARY, "Medical secretary roles",
			RoleGroup.MANAGEMENT, "Management roles", RoleGroup.FRONT_DESK, "Front desk", RoleGroup.OTHER,
			"Other roles");

	static CriteriaChoices of(CriteriaForm form) {
		List<Group> groups = Arrays.stream(RoleGroup.values())
			.map((group) -> new Group(group.name(), GROUP_LEGENDS.get(group),
					Arrays.stream(Role.values())
						.filter((role) -> role.group() == group)
						.map((role) -> new Choice(role.name(), Labels.of(role),
								form.hasRole(role) || (group == RoleGroup.SECRETARY && form.isAnySecretaryRole())))
						.toList()))
			.toList();
		boolean anySecretary = form.isAnySecretaryRole() || SECRETARY_ROLES.stream().allMatch(form::hasRole);
		return new CriteriaChoices(anySecretary, groups,
				Arrays.stream(Band.values()).map((band) -> new Choice(band.name(), band.toString(), false)).toList(),
				form.bandMin(), form.bandMax(), form.postcode(), form.radiusMiles(), form.includeRemote() != null,
				form.minSalary(), choices(WorkingPattern.values(), form.workingPatterns(), form),
				choices(ContractType.values(), form.contractTypes(), form),
				choices(EmployerType.values(), form.employerTypes(), form),
				choices(Specialty.values(), form.specialties(), form), form.keywords(),
				Arrays.stream(Frequency.values())
					.map((frequency) -> new Choice(frequency.name(), Labels.of(frequency),
							frequency.name().equals(form.frequency())))
					.toList(),
				form.email());
	}

	public boolean specialtiesEmpty() {
		return this.specialties.stream().noneMatch(Choice::selected);
	}

	private static List<Choice> choices(Enum<?>[] values, @Nullable List<String> ticked, CriteriaForm form) {
		return Arrays.stream(values)
			.map((value) -> new Choice(value.name(), Labels.of(value), form.has(ticked, value)))
			.toList();
	}

	/** A group of roles under its own legend. */
	record Group(String name, String legend, List<Choice> choices) {
	}

	/**
	 * One checkbox, radio or option.
	 *
	 * @param value what the form posts
	 */
	record Choice(String value, String label, boolean selected) {

		/** A band as the API writes it: "4", "8a". */
		public String wire() {
			return Band.valueOf(this.value).label();
		}

	}

}
