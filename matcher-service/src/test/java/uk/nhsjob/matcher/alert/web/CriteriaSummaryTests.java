package uk.nhsjob.matcher.alert.web;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.matcher.TestCriteria;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.TestCriteria.criteria;

class CriteriaSummaryTests {

	private static final Role[] SECRETARY_ROLES = Arrays.stream(Role.values())
		.filter((role) -> role.group() == Role.RoleGroup.SECRETARY)
		.toArray(Role[]::new);

	@Test
	void namesEverySecretaryRoleInAFewWords() {
		TestCriteria everySecretary = criteria().roles(SECRETARY_ROLES).near("BS1", 10);

		assertThat(CriteriaSummary.headline(everySecretary.build().normalised()))
			.isEqualTo("medical secretary jobs within 10 miles of BS1");
		assertThat(CriteriaSummary.of(everySecretary.build().normalised(), Frequency.DAILY)).first()
			.isEqualTo(new CriteriaSummary.Row("Jobs", "Any medical secretary role"));
	}

	@Test
	void countsManyOtherRolesAndNamesAFew() {
		assertThat(CriteriaSummary.headline(
				criteria().roles(Role.CLINICAL_CODER, Role.MEDICAL_RECEPTIONIST, Role.PRACTICE_MANAGER, Role.OTHER)
					.near("M1", 25)
					.build()
					.normalised()))
			.isEqualTo("jobs in 4 kinds of role within 25 miles of M1");
		assertThat(CriteriaSummary.headline(criteria().roles(Role.CLINICAL_CODER).build().normalised()))
			.isEqualTo("clinical coder jobs");
	}

	@Test
	void saysAnyForEveryQuestionLeftOpen() {
		assertThat(CriteriaSummary.of(criteria().build().normalised(), Frequency.INSTANT)).extracting("value")
			.containsExactly("Any kind of job", "Anywhere in the UK", "Any", "Any", "Any", "Any", "Any", "Any", "None",
					"As soon as a job is published");
	}

	@Test
	void writesPoundsAndBandsAsPeopleDo() {
		assertThat(
				CriteriaSummary.of(criteria().bands("3", "5").minSalary(25_000).build().normalised(), Frequency.WEEKLY))
			.extracting("value")
			.contains("Band 3 to 5", "£25,000 a year, full time", "Once a week, on Mondays at 7am");
	}

}
