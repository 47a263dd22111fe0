package uk.nhsjob.ingest.feed.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.normalise.Normalisation;
import uk.nhsjob.ingest.normalise.Normalisers;
import uk.nhsjob.ingest.normalise.RawVacancy;
import uk.nhsjob.ingest.normalise.VacancyNormaliser;
import uk.nhsjob.ingest.normalise.VacancySource;
import uk.nhsjob.localstack.SampleFeeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NHS Jobs XML as employers' systems and the NHS Jobs search send it, read and
 * normalised: where a vacancy's place is written ({@code corpus/places.csv}), and the two
 * pages of a search result of medical secretary, receptionist and clinical coder adverts
 * whose hours are stated only in their descriptions and whose London salaries often
 * include HCAS ({@code corpus/nhs-jobs-search.xml} and
 * {@code corpus/nhs-jobs-search-page-2.xml}, their expected values in
 * {@code corpus/nhs-jobs-search.csv}). The pages' dates are counted from the service's
 * today ({@link ServiceClock}).
 */
class NhsJobsXmlCorpusTests {

	/** The source the page is pushed by, whose postcode a vacancy without one takes. */
	private static final String SOURCE_POSTCODE = "LS1 4AP";

	/** The service's now, held still while the page is filled in and normalised. */
	private static final Clock NOW = Clock.fixed(ServiceClock.now(), ServiceClock.LONDON);

	private static final LocalDate TODAY = LocalDate.now(NOW);

	private static final VacancyNormaliser NORMALISER = Normalisers.shipped(NOW);

	private static final List<String> SEARCH_PAGES = List.of("/corpus/nhs-jobs-search.xml",
			"/corpus/nhs-jobs-search-page-2.xml");

	/** The vacancies of every page, in the order read. */
	private static Map<String, RawVacancy> searchPages;

	@BeforeAll
	static void readTheSearchPages() throws Exception {
		searchPages = new LinkedHashMap<>();
		for (String page : SEARCH_PAGES) {
			String template;
			try (InputStream xml = NhsJobsXmlCorpusTests.class.getResourceAsStream(page)) {
				template = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
			}
			for (FeedEntry entry : Readers.read(Readers.xml(), SampleFeeds.fill(template, TODAY))) {
				searchPages.put(entry.vacancy().externalId(), entry.vacancy());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/corpus/places.csv", delimiter = '|', numLinesToSkip = 1)
	void keepsThePlaceHoweverTheVacancyWritesIt(@Nullable String place, @Nullable String town,
			@Nullable String postcode) throws UnreadableFeedException {
		String xml = "<nhsSearch><vacancyDetails><id>1</id>" + ((place != null) ? place : "")
				+ "<title>Medical Secretary</title></vacancyDetails></nhsSearch>";

		RawVacancy vacancy = Readers.read(Readers.xml(), xml).get(0).vacancy();

		assertThat(vacancy.town()).as("town").isEqualTo(town);
		assertThat(vacancy.postcode()).as("postcode").isEqualTo(postcode);
		assertThat(vacancy.title()).isEqualTo("Medical Secretary");
	}

	@Test
	void readsEveryVacancyOfTheSearchPagesAndNothingElse() throws IOException {
		List<String> expected;
		try (InputStream csv = NhsJobsXmlCorpusTests.class.getResourceAsStream("/corpus/nhs-jobs-search.csv")) {
			expected = new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter((line) -> !line.isBlank())
				.map((line) -> line.substring(0, line.indexOf('|')))
				.toList();
		}

		assertThat(expected).hasSize(60);
		assertThat(searchPages.keySet()).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}: {2}")
	@CsvFileSource(resources = "/corpus/nhs-jobs-search.csv", delimiter = '|', numLinesToSkip = 1,
			maxCharsPerColumn = 200)
	void normalisesEachVacancyOfTheSearchPages(String id, EmployerType employerType, Role role,
			@Nullable String specialties, @Nullable Band bandMin, @Nullable Band bandMax, BandSource bandSource,
			@Nullable Integer salaryMinAnnual, @Nullable Integer salaryMaxAnnual, SalaryPeriod salaryPeriod,
			boolean proRata, @Nullable Double hoursPerWeek, @Nullable String workingPatterns, ContractType contractType,
			String postcode, @Nullable String town, int postedDaysAgo, int closesInDays) {
		VacancySource source = new VacancySource("nhs-jobs", "NHS Jobs", employerType, SOURCE_POSTCODE);

		Normalisation normalised = NORMALISER.normalise(searchPages.get(id), source);

		assertThat(normalised.errors()).isEmpty();
		Vacancy vacancy = normalised.vacancy();
		assertThat(vacancy).isNotNull();
		assertThat(vacancy.role()).as("role").isEqualTo(role);
		assertThat(vacancy.specialties()).as("specialties")
			.containsExactlyInAnyOrderElementsOf(names(specialties, Specialty.class));
		assertThat(vacancy.bandMin()).as("bandMin").isEqualTo(bandMin);
		assertThat(vacancy.bandMax()).as("bandMax").isEqualTo(bandMax);
		assertThat(vacancy.bandSource()).as("bandSource").isEqualTo(bandSource);
		assertThat(vacancy.salaryMinAnnual()).as("salaryMinAnnual").isEqualTo(salaryMinAnnual);
		assertThat(vacancy.salaryMaxAnnual()).as("salaryMaxAnnual").isEqualTo(salaryMaxAnnual);
		assertThat(vacancy.salaryPeriod()).as("salaryPeriod").isEqualTo(salaryPeriod);
		assertThat(vacancy.proRata()).as("proRata").isEqualTo(proRata);
		assertThat(vacancy.hoursPerWeek()).as("hoursPerWeek").isEqualTo(hoursPerWeek);
		assertThat(vacancy.workingPatterns()).as("workingPatterns")
			.containsExactlyInAnyOrderElementsOf(names(workingPatterns, WorkingPattern.class));
		assertThat(vacancy.contractType()).as("contractType").isEqualTo(contractType);
		assertThat(vacancy.postcode()).as("postcode").isEqualTo(postcode);
		assertThat(vacancy.latitude()).as("latitude").isNotNull();
		assertThat(vacancy.town()).as("town").isEqualTo(town);
		assertThat(vacancy.postedAt()).as("postedAt").isEqualTo(TODAY.minusDays(postedDaysAgo));
		assertThat(vacancy.closingDate()).as("closingDate").isEqualTo(TODAY.plusDays(closesInDays));
		assertThat(vacancy.applyUrl()).startsWith("https://www.jobs.nhs.uk/candidate/jobadvert/");
		assertThat(vacancy.description()).doesNotContain("<p>");
	}

	private static <E extends Enum<E>> List<E> names(@Nullable String names, Class<E> type) {
		return (names == null) ? List.of()
				: Arrays.stream(names.trim().split("\\s+")).map((name) -> Enum.valueOf(type, name)).toList();
	}

}
