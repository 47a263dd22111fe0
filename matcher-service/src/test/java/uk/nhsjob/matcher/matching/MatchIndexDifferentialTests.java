package uk.nhsjob.matcher.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against the plain scan it replaces: for 20,000 seeded alerts and 2,000 seeded
 * vacancies, the same alerts for every vacancy, with the same distances, before and after
 * a tenth of the alerts are removed and another tenth change their criteria.
 */
class MatchIndexDifferentialTests {

	private static final int ALERTS = 20_000;

	private static final int VACANCIES = 2_000;

	private static PostcodeDirectory postcodes;

	@BeforeAll
	static void loadPostcodes() {
		postcodes = PostcodeDirectory.load();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 20261125L, 7L })
	void findsExactlyWhatAPlainScanFinds(long seed) {
		RandomWorkload workload = RandomWorkload.edgeCases(seed);
		Map<String, Criteria> alerts = new HashMap<>();
		MatchIndex index = new MatchIndex(postcodes);
		for (int i = 0; i < ALERTS; i++) {
			String id = workload.alertId();
			Criteria criteria = workload.criteria();
			alerts.put(id, criteria);
			index.put(id, criteria);
		}
		List<Vacancy> vacancies = new ArrayList<>();
		for (int i = 0; i < VACANCIES; i++) {
			vacancies.add(workload.vacancy(i));
		}

		long pairs = assertAgreement(index, alerts, vacancies);
		assertThat(pairs).as("matching pairs: enough for the comparison to mean something").isGreaterThan(10_000);

		List<String> ids = new ArrayList<>(alerts.keySet());
		for (int i = 0; i < ids.size(); i += 10) {
			index.remove(ids.get(i));
			alerts.remove(ids.get(i));
		}
		for (int i = 5; i < ids.size(); i += 10) {
			Criteria changed = workload.criteria();
			index.put(ids.get(i), changed);
			alerts.put(ids.get(i), changed);
		}
		assertThat(index.size()).isEqualTo(alerts.size());
		assertAgreement(index, alerts, vacancies);
	}

	private static long assertAgreement(MatchIndex index, Map<String, Criteria> alerts, List<Vacancy> vacancies) {
		Map<String, AlertCriteria> scan = new HashMap<>();
		alerts.forEach((id, criteria) -> scan.put(id, AlertCriteria.of(criteria, postcodes)));
		long pairs = 0;
		for (Vacancy vacancy : vacancies) {
			Set<MatchIndex.IndexMatch> expected = new HashSet<>();
			scan.forEach((id, criteria) -> {
				if (criteria.matches(vacancy)) {
					expected.add(new MatchIndex.IndexMatch(id, criteria.distanceMiles(vacancy)));
				}
			});
			List<MatchIndex.IndexMatch> found = index.matches(vacancy);
			assertThat(found).as("vacancy %s", vacancy).doesNotHaveDuplicates();
			assertThat(new HashSet<>(found)).as("vacancy %s", vacancy).isEqualTo(expected);
			pairs += expected.size();
		}
		return pairs;
	}

}
