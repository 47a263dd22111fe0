package uk.nhsjob.matcher.index;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.matcher.TestCriteria;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.nhsjob.matcher.TestCriteria.criteria;
import static uk.nhsjob.matcher.Vacancies.vacancy;

class AlertCriteriaTests {

	private static final PostcodeDirectory POSTCODES = PostcodeDirectory.load();

	/** Sector centroids 1 mile (Leeds city centre) and 12 (Harrogate) from LS6 2. */
	private static Vacancies inLeeds() {
		return vacancy().at("LS1 3EX", 53.80078, -1.55163);
	}

	private static Vacancies inHarrogate() {
		return vacancy().at("HG1 1AA", 53.99357, -1.53768);
	}

	@ParameterizedTest
	@MethodSource
	void matches(TestCriteria criteria, Vacancies vacancy, boolean expected) {
		AlertCriteria alert = AlertCriteria.of(criteria.build(), POSTCODES);
		assertThat(alert.matches(vacancy.build())).isEqualTo(expected);
	}

	static Stream<Arguments> matches() {
		return Stream.of(argumentSet("no criteria match anything", criteria(), vacancy(), true),
				// roles, contract types, employer types: the vacancy's is in the list
				argumentSet("role in the list", criteria().roles(Role.CLINICAL_CODER, Role.MEDICAL_SECRETARY),
						vacancy(), true),
				argumentSet("role not in the list", criteria().roles(Role.CLINICAL_CODER), vacancy(), false),
				argumentSet("contract type in the list", criteria().contractTypes(ContractType.PERMANENT), vacancy(),
						true),
				argumentSet("contract type not in the list", criteria().contractTypes(ContractType.BANK), vacancy(),
						false),
				argumentSet("no contract type under a contract filter", criteria().contractTypes(ContractType.BANK),
						vacancy().contractType(null), false),
				argumentSet("employer type in the list", criteria().employerTypes(EmployerType.NHS_TRUST), vacancy(),
						true),
				argumentSet("employer type not in the list", criteria().employerTypes(EmployerType.GP_PRACTICE),
						vacancy(), false),
				// bands: the ranges overlap; a vacancy without a band is not excluded
				argumentSet("band inside the range", criteria().bands("3", "5"), vacancy().bands("4", "4"), true),
				argumentSet("band range overlapping the bottom", criteria().bands("3", "5"), vacancy().bands("2", "3"),
						true),
				argumentSet("band range overlapping the top", criteria().bands("3", "5"), vacancy().bands("5", "6"),
						true),
				argumentSet("band range around the range", criteria().bands("4", "4"), vacancy().bands("3", "5"), true),
				argumentSet("band below the range", criteria().bands("3", "5"), vacancy().bands("2", "2"), false),
				argumentSet("band above the range", criteria().bands("3", "5"), vacancy().bands("6", "7"), false),
				argumentSet("8a is below 8b", criteria().bands("8b", null), vacancy().bands("8a", "8a"), false),
				argumentSet("only a minimum band", criteria().bands("5", null), vacancy().bands("4", "4"), false),
				argumentSet("only a maximum band", criteria().bands(null, "5"), vacancy().bands("4", "4"), true),
				argumentSet("a vacancy with only a lower band", criteria().bands("3", "5"), vacancy().bands("6", null),
						false),
				argumentSet("a vacancy without a band", criteria().bands("3", "5"), vacancy().bands(null, null), true),
				// postcode and radius
				argumentSet("within the radius", criteria().near("LS6 2AB", 10), inLeeds(), true),
				argumentSet("beyond the radius", criteria().near("LS6 2AB", 10), inHarrogate(), false),
				argumentSet("within a wider radius", criteria().near("LS6 2AB", 15), inHarrogate(), true),
				argumentSet("10 miles without a radius", criteria().near("LS6 2AB", null), inHarrogate(), false),
				argumentSet("an outward code", criteria().near("ls6", 5), inLeeds(), true),
				argumentSet("hybrid is located like on-site", criteria().near("LS6 2AB", 10),
						inHarrogate().remote(RemoteWorking.HYBRID), false),
				argumentSet("remote, remote not included", criteria().near("LS6 2AB", 10),
						inLeeds().remote(RemoteWorking.REMOTE), false),
				argumentSet("remote, remote included, however far", criteria().near("LS6 2AB", 10).includeRemote(),
						inHarrogate().remote(RemoteWorking.REMOTE), true),
				argumentSet("no location, located alert", criteria().near("LS6 2AB", 100), vacancy().nowhere(), false),
				argumentSet("no postcode places no limit", criteria(), inHarrogate(), true),
				argumentSet("no postcode, no location", criteria(), vacancy().nowhere(), true),
				argumentSet("no postcode, remote", criteria(), vacancy().remote(RemoteWorking.REMOTE), true),
				// working patterns and specialties: the lists share a value
				argumentSet("a working pattern shared",
						criteria().workingPatterns(WorkingPattern.PART_TIME, WorkingPattern.JOB_SHARE),
						vacancy().workingPatterns(WorkingPattern.FULL_TIME, WorkingPattern.JOB_SHARE), true),
				argumentSet("no working pattern shared", criteria().workingPatterns(WorkingPattern.PART_TIME),
						vacancy().workingPatterns(WorkingPattern.FULL_TIME), false),
				argumentSet("a specialty shared", criteria().specialties(Specialty.CARDIOLOGY),
						vacancy().specialties(Specialty.CARDIOLOGY, Specialty.RENAL), true),
				argumentSet("no specialty shared", criteria().specialties(Specialty.CARDIOLOGY),
						vacancy().specialties(Specialty.RENAL), false),
				argumentSet("no specialty under a specialty filter", criteria().specialties(Specialty.CARDIOLOGY),
						vacancy(), false),
				// salary: the annual full-time maximum
				argumentSet("maximum above the minimum salary", criteria().minSalary(28_000),
						vacancy().salary(26_530, 29_114), true),
				argumentSet("maximum equal to the minimum salary", criteria().minSalary(29_114),
						vacancy().salary(26_530, 29_114), true),
				argumentSet("maximum below the minimum salary", criteria().minSalary(30_000),
						vacancy().salary(26_530, 29_114), false),
				argumentSet("only a lower salary, below", criteria().minSalary(30_000), vacancy().salary(26_530, null),
						false),
				argumentSet("no salary", criteria().minSalary(30_000), vacancy().salary(null, null), true),
				// keywords, in the title or the description
				argumentSet("keywords in the description", criteria().keywords("\"audio typing\" -bank"), vacancy(),
						true),
				argumentSet("an excluded keyword", criteria().keywords("secretary -diary"), vacancy(), false),
				argumentSet("every criterion at once",
						criteria().roles(Role.MEDICAL_SECRETARY)
							.bands("3", "5")
							.near("LS6 2AB", 10)
							.workingPatterns(WorkingPattern.FULL_TIME)
							.contractTypes(ContractType.PERMANENT)
							.employerTypes(EmployerType.NHS_TRUST)
							.minSalary(25_000)
							.keywords("secretary"),
						inLeeds(), true));
	}

	@Test
	void distanceIsFromThePostcodeCentroidToOneDecimalPlace() {
		AlertCriteria alert = AlertCriteria.of(criteria().near("LS6 2AB", 10).build(), POSTCODES);
		Vacancy leeds = inLeeds().build();
		assertThat(alert.distanceMiles(leeds)).isBetween(1.0, 1.3);
		assertThat(alert.distanceMiles(leeds) * 10).isEqualTo(Math.rint(alert.distanceMiles(leeds) * 10));
	}

	@Test
	void noDistanceWithoutAPostcodeOrForRemoteWork() {
		assertThat(AlertCriteria.of(criteria().build(), POSTCODES).distanceMiles(inLeeds().build())).isNull();
		AlertCriteria located = AlertCriteria.of(criteria().near("LS6 2AB", 10).includeRemote().build(), POSTCODES);
		assertThat(located.distanceMiles(inLeeds().remote(RemoteWorking.REMOTE).build())).isNull();
		assertThat(located.distanceMiles(vacancy().nowhere().build())).isNull();
	}

}
