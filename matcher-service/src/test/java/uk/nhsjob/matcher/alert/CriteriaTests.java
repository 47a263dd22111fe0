package uk.nhsjob.matcher.alert;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaTests {

	@Test
	void normalisedCriteriaWriteThePostcodeTheStandardWayAndFillInTheRadius() {
		Criteria criteria = new Criteria(null, null, null, " ls62ab ", null, null, null, null, null, null, null, "  ")
			.normalised();
		assertThat(criteria.postcode()).isEqualTo("LS6 2AB");
		assertThat(criteria.radiusMiles()).isEqualTo(Criteria.DEFAULT_RADIUS_MILES);
		assertThat(criteria.includeRemote()).isFalse();
		assertThat(criteria.keywords()).isNull();
		assertThat(criteria.roles()).isEmpty();
	}

	@Test
	void aBlankPostcodeMeansAnywhere() {
		Criteria criteria = new Criteria(null, null, null, " ", 20, true, null, null, null, null, null, null)
			.normalised();
		assertThat(criteria.postcode()).isNull();
		assertThat(criteria.radiusMiles()).isNull();
	}

	@Test
	void criteriaAskingTheSameThingAreEqual() {
		Criteria first = new Criteria(List.of(Role.MEDICAL_SECRETARY, Role.CLINICAL_CODER, Role.MEDICAL_SECRETARY),
				null, null, "LS6", null, null, null, null, null, null, null, "audio typing")
			.normalised();
		Criteria second = new Criteria(List.of(Role.CLINICAL_CODER, Role.MEDICAL_SECRETARY), null, null, "ls6", 10,
				false, List.of(), null, null, null, null, " audio typing ")
			.normalised();
		assertThat(first).isEqualTo(second);
		assertThat(first.roles()).containsExactly(Role.MEDICAL_SECRETARY, Role.CLINICAL_CODER);
	}

}
