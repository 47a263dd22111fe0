package uk.nhsjob.matcher.alert;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.matcher.TestCriteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static uk.nhsjob.matcher.TestCriteria.criteria;

class CriteriaDescriptionTests {

	@ParameterizedTest
	@MethodSource
	void describesCriteriaInOneLine(TestCriteria criteria, String description) {
		assertThat(CriteriaDescription.of(criteria.build())).isEqualTo(description);
	}

	static Stream<Arguments> describesCriteriaInOneLine() {
		return Stream.of(arguments(criteria(), "jobs"),
				arguments(criteria().roles(Role.MEDICAL_SECRETARY).near("LS6", 10),
						"medical secretary jobs within 10 miles of LS6"),
				arguments(criteria().near("ls62ab", null), "jobs within 10 miles of LS6 2AB"),
				arguments(criteria().near("LS6 2AB", 1), "jobs within 1 mile of LS6 2AB"),
				arguments(criteria().roles(Role.MEDICAL_SECRETARY, Role.GP_PRACTICE_SECRETARY),
						"GP practice secretary or medical secretary jobs"),
				arguments(
						criteria().roles(Role.CLINICAL_CODER, Role.MEDICAL_RECEPTIONIST, Role.PRACTICE_MANAGER)
							.near("M1", 25),
						"medical receptionist, clinical coder or practice manager jobs within 25 miles of M1"),
				arguments(criteria().keywords("audio typing").minSalary(25_000), "jobs"));
	}

}
