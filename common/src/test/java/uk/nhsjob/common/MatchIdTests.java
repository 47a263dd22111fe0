package uk.nhsjob.common;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A match id is the same in every service and every run (docs/events.md): the name-based
 * (version 3) UUID of the alert id and the vacancy id joined by a line feed. The values
 * are stated, not computed with the code under test.
 */
class MatchIdTests {

	@Test
	void aMatchIdIsTheNameBasedUuidOfTheAlertAndTheVacancy() {
		assertThat(VacancyMatched.matchIdOf("a-7f3c", "leeds-th:C123-4567"))
			.isEqualTo(UUID.fromString("ca8b4b74-4426-3e6d-a07b-fe66ee400f52"));
	}

	@Test
	void theOrderOfAlertAndVacancyMatters() {
		assertThat(VacancyMatched.matchIdOf("leeds-th:C123-4567", "a-7f3c"))
			.isNotEqualTo(UUID.fromString("ca8b4b74-4426-3e6d-a07b-fe66ee400f52"));
	}

	@Test
	void aMatchOfAnAlertAndAVacancyOfItsOwnJobCarriesTheirMatchId() {
		MatchedVacancy vacancy = Events.matchedVacancyVersion1();
		assertThat(VacancyMatched.of("a-7f3c", vacancy, Events.OCCURRED_AT).matchId())
			.isEqualTo(UUID.fromString("ca8b4b74-4426-3e6d-a07b-fe66ee400f52"));
	}

	@Test
	void twoCopiesOfOneJobMatchAnAlertUnderOneMatchId() {
		MatchedVacancy copy = Events.matchedVacancy();
		assertThat(VacancyMatched.of("a-7f3c", copy, Events.OCCURRED_AT).matchId())
			.isEqualTo(VacancyMatched.matchIdOf("a-7f3c", "nhs-jobs:C123-4567"))
			.isNotEqualTo(VacancyMatched.matchIdOf("a-7f3c", copy.vacancyId()));
	}

}
