package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's and the welcome set's question, "which vacancies do these criteria
 * match", answered by the index's rules: the same answer and distance as the plain scan
 * for seeded edge-case criteria and vacancies.
 */
class CriteriaProbeTests {

	private static PostcodeDirectory postcodes;

	@BeforeAll
	static void loadPostcodes() {
		postcodes = PostcodeDirectory.load();
	}

	@Test
	void answersAsThePlainScanDoesDistanceIncluded() {
		RandomWorkload workload = RandomWorkload.edgeCases(42);
		List<Vacancy> vacancies = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			vacancies.add(workload.vacancy(i));
		}
		int matches = 0;
		for (int i = 0; i < 400; i++) {
			Criteria criteria = workload.criteria();
			CriteriaProbe probe = CriteriaProbe.of(criteria, postcodes);
			AlertCriteria scan = AlertCriteria.of(criteria, postcodes);
			for (Vacancy vacancy : vacancies) {
				MatchIndex.IndexMatch match = probe.match(vacancy);
				assertThat(match != null).as("%s for %s", criteria, vacancy).isEqualTo(scan.matches(vacancy));
				assertThat(probe.matches(vacancy)).isEqualTo(match != null);
				if (match != null) {
					assertThat(match.distanceMiles()).isEqualTo(scan.distanceMiles(vacancy));
					matches++;
				}
			}
		}
		assertThat(matches).as("enough matches for the comparison to mean something").isGreaterThan(1_000);
	}

}
