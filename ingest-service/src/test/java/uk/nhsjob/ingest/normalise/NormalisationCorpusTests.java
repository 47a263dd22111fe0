package uk.nhsjob.ingest.normalise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Real-world-style inputs and what the rules of docs/normalisation.md make of them, one
 * file per rule under {@code src/test/resources/corpus/}, {@code |}-separated, an empty
 * cell meaning none. Add a line to a file to pin a new case.
 */
class NormalisationCorpusTests {

	private static final Postcodes POSTCODES = new Postcodes(PostcodeDirectory.load());

	/** No case here has a date, so the clock's day does not matter. */
	private static final VacancyNormaliser NORMALISER = Normalisers
		.shipped(Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC));

	private static final VacancySource TRUST = new VacancySource("trust", "St Elsewhere NHS Trust",
			EmployerType.NHS_TRUST, "LS1 4AP");

	/**
	 * Whether the title names a specialty is stated with each case (the specialties file
	 * pins which words do), so that a role is checked against the expected value alone.
	 */
	@ParameterizedTest(name = "{0} at {1} is {3}")
	@CsvFileSource(resources = "/corpus/roles.csv", delimiter = '|', numLinesToSkip = 1)
	void role(String title, EmployerType employer, boolean namesSpecialty, Role role) {
		assertThat(RoleClassifier.classify(title, employer, namesSpecialty)).isEqualTo(role);
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/salaries.csv", delimiter = '|', numLinesToSkip = 1)
	void salary(String text, @Nullable Integer min, @Nullable Integer max, @Nullable SalaryPeriod period,
			boolean proRata) {
		Salary salary = Salaries.parse(text);
		assertThat(salary.minAnnual()).as("minimum").isEqualTo(min);
		assertThat(salary.maxAnnual()).as("maximum").isEqualTo(max);
		assertThat(salary.period()).as("period").isEqualTo(period);
		assertThat(salary.proRata()).as("pro rata").isEqualTo(proRata);
		assertThat(salary.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/bands.csv", delimiter = '|', numLinesToSkip = 1)
	void band(String text, @Nullable Band min, @Nullable Band max) {
		Optional<BandRange> range = Bands.field(text);
		assertThat(range.map(BandRange::min).orElse(null)).as("lowest").isEqualTo(min);
		assertThat(range.map(BandRange::max).orElse(null)).as("highest").isEqualTo(max);
	}

	@ParameterizedTest(name = "{0} / {1}")
	@CsvFileSource(resources = "/corpus/hours.csv", delimiter = '|', numLinesToSkip = 1)
	void hours(@Nullable String hours, @Nullable String pattern, @Nullable Double perWeek, @Nullable String patterns) {
		Hours parsed = WorkingHours.parse(hours, pattern, null);
		assertThat(parsed.perWeek()).as("hours a week").isEqualTo(perWeek);
		assertThat(parsed.patterns()).as("patterns")
			.containsExactlyInAnyOrderElementsOf(names(patterns, WorkingPattern.class));
	}

	/**
	 * Hours and patterns an advert states only in its description, and the incidental
	 * numbers and offers to all staff that say nothing of them; a field that states hours
	 * or a pattern wins over the description.
	 */
	@ParameterizedTest(name = "{3} / {0} / {1} / {2}")
	@CsvFileSource(resources = "/corpus/hours-in-descriptions.csv", delimiter = '|', numLinesToSkip = 1)
	void hoursInADescription(@Nullable String hours, @Nullable String pattern, @Nullable String title,
			@Nullable String description, @Nullable Double perWeek, @Nullable String patterns) {
		Hours parsed = WorkingHours.parse(hours, pattern, title, description);
		assertThat(parsed.perWeek()).as("hours a week").isEqualTo(perWeek);
		assertThat(parsed.patterns()).as("patterns")
			.containsExactlyInAnyOrderElementsOf(names(patterns, WorkingPattern.class));
	}

	/**
	 * The band a vacancy gets from its salary and band fields: a salary that includes a
	 * high cost area supplement or London weighting places none.
	 */
	@ParameterizedTest(name = "{0} / {1}")
	@CsvFileSource(resources = "/corpus/salary-bands.csv", delimiter = '|', numLinesToSkip = 1)
	void bandOfASalary(String salary, @Nullable String band, @Nullable Band min, @Nullable Band max,
			BandSource bandSource) {
		Map<String, String> fields = new HashMap<>(
				Map.of("externalId", "1", "title", "Medical Secretary", "salary", salary));
		if (band != null) {
			fields.put("band", band);
		}
		Vacancy vacancy = NORMALISER.normalise(RawVacancy.of(fields, List.of()), TRUST).vacancy();
		assertThat(vacancy).isNotNull();
		assertThat(vacancy.bandMin()).as("lowest").isEqualTo(min);
		assertThat(vacancy.bandMax()).as("highest").isEqualTo(max);
		assertThat(vacancy.bandSource()).as("source").isEqualTo(bandSource);
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/dates.csv", delimiter = '|', numLinesToSkip = 1)
	void date(String text, @Nullable LocalDate date) {
		assertThat(Dates.parse(text)).isEqualTo(Optional.ofNullable(date));
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/postcodes.csv", delimiter = '|', numLinesToSkip = 1,
			ignoreLeadingAndTrailingWhitespace = false)
	void postcode(String text, @Nullable String postcode) {
		if (postcode == null) {
			assertThatIllegalArgumentException().isThrownBy(() -> POSTCODES.resolve(text));
		}
		else {
			assertThat(POSTCODES.resolve(text).postcode()).hasToString(postcode);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/specialties.csv", delimiter = '|', numLinesToSkip = 1)
	void specialties(String text, @Nullable String specialties) {
		assertThat(Specialties.in(text)).containsExactlyInAnyOrderElementsOf(names(specialties, Specialty.class));
	}

	@ParameterizedTest(name = "{0} / {1} / {2}")
	@CsvFileSource(resources = "/corpus/remote.csv", delimiter = '|', numLinesToSkip = 1)
	void remote(@Nullable String remote, @Nullable String title, @Nullable String town, RemoteWorking expected) {
		assertThat(RemoteWorkings.of(remote, title, town)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/contracts.csv", delimiter = '|', numLinesToSkip = 1)
	void contract(@Nullable String text, @Nullable ContractType contract) {
		assertThat(ContractTypes.parse(text)).isEqualTo(Optional.ofNullable(contract));
	}

	private static <E extends Enum<E>> List<E> names(@Nullable String names, Class<E> type) {
		return (names == null) ? List.of()
				: Arrays.stream(names.trim().split("\\s+")).map((name) -> Enum.valueOf(type, name)).toList();
	}

}
