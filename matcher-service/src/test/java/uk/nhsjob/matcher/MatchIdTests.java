package uk.nhsjob.matcher;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.match.VacancyMatched;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match id of an alert and a vacancy, worked out once by hand from the rule in
 * docs/events.md (the MD5 name-based UUID of {@code alertId + "\n" + vacancyId}, with the
 * version 3 and variant bits set) and stated here, so that neither the service nor the
 * tests' own {@link Candidates#expectedMatchId} can drift from it.
 */
class MatchIdTests {

	private static final String ALERT = "0b7f5a2e-3c1d-4e8f-9a6b-2d4c8e1f7a3b";

	private static final String VACANCY = "test-trust:V1";

	private static final String MATCH_ID = "a2094f28-c4a8-397f-9b16-0d187a5eaff4";

	@Test
	void theServiceDerivesTheMatchIdByTheRule() {
		assertThat(VacancyMatched.matchIdOf(ALERT, VACANCY)).hasToString(MATCH_ID);
	}

	@Test
	void theTestsExpectTheSameMatchId() {
		assertThat(Candidates.expectedMatchId(ALERT, VACANCY)).isEqualTo(MATCH_ID);
	}

}
