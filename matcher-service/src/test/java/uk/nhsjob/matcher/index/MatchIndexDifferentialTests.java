package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;
import uk.nhsjob.testsupport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against the plain scan it replaces: for 20,000 seeded alerts and 2,000 seeded
 * vacancies, the same alerts for every vacancy, with the same distances, before and after
 * a tenth of the alerts are removed and another tenth change their criteria.
 */
@SlowTest
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

	/**
	 * Vacancies placed around alerts' centres at their very radius (a few ulps in or out,
	 * or a thousandth of it) and anywhere within 1.2 radii, on every bearing: the grid's
	 * cells and the flat prefilter must lose no alert at its edge.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 20261125L, 7L, 424242L })
	void findsAlertsRightAtTheEdgeOfTheirRadius(long seed) {
		RandomWorkload workload = RandomWorkload.edgeCases(seed);
		Random random = new Random(seed);
		Map<String, Criteria> alerts = new HashMap<>();
		List<Criteria> located = new ArrayList<>();
		MatchIndex index = new MatchIndex(postcodes);
		while (alerts.size() < 5_000) {
			Criteria drawn = workload.criteria();
			Criteria place = new Criteria(List.of(), null, null, drawn.postcode(), drawn.radiusMiles(),
					drawn.includeRemote(), List.of(), List.of(), List.of(), List.of(), null, null)
				.normalised();
			String id = workload.alertId();
			alerts.put(id, place);
			index.put(id, place);
			if (centreOf(place) != null) {
				located.add(place);
			}
		}
		List<Vacancy> vacancies = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			Criteria alert = located.get(random.nextInt(located.size()));
			Coordinates centre = centreOf(alert);
			double radius = alert.radiusMiles();
			double miles = switch (random.nextInt(4)) {
				case 0 -> radius + (random.nextInt(9) - 4) * Math.ulp(radius);
				case 1 -> radius * (random.nextBoolean() ? 0.999 : 1.001);
				default -> radius * 1.2 * random.nextDouble();
			};
			double[] point = HaversineTests.destination(centre.latitude(), centre.longitude(),
					random.nextDouble() * 2 * Math.PI, miles);
			vacancies.add(Vacancies.vacancy("edge:" + i).at("ZZ1 1ZZ", point[0], point[1]).build());
		}

		long pairs = assertAgreement(index, alerts, vacancies);
		assertThat(pairs).as("matching pairs").isGreaterThan(3_000);
	}

	private static @Nullable Coordinates centreOf(Criteria criteria) {
		return Postcode.parse(criteria.postcode()).flatMap(postcodes::locate).orElse(null);
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
