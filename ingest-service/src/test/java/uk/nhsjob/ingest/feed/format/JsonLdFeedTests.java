package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.ingest.normalise.RawVacancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonLdFeedTests {

	static final String POSTING = """
			{"@context": "https://schema.org/", "@type": "JobPosting",
			 "identifier": {"@type": "PropertyValue", "name": "Demo Practice", "value": "PP-7"},
			 "title": "Medical Secretary", "description": "<p>Private practice</p>",
			 "datePosted": "2026-11-20", "validThrough": "2027-01-31T23:59:00+00:00",
			 "employmentType": ["PART_TIME", "TEMPORARY"],
			 "hiringOrganization": {"@type": "Organization", "name": "Harley Street Clinic"},
			 "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress",
			   "postalCode": "W1G 9PF", "addressLocality": "London"}}],
			 "jobLocationType": "TELECOMMUTE",
			 "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
			   "value": {"@type": "QuantitativeValue", "minValue": 13.5, "maxValue": 15, "unitText": "HOUR"}},
			 "url": "https://example.org/jobs/pp-7"}
			""";

	@Test
	void readsAJobPosting() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.jsonLd(), POSTING));

		assertThat(vacancy.externalId()).isEqualTo("PP-7");
		assertThat(vacancy.title()).isEqualTo("Medical Secretary");
		assertThat(vacancy.description()).isEqualTo("<p>Private practice</p>");
		assertThat(vacancy.postedAt()).isEqualTo("2026-11-20");
		assertThat(vacancy.closingDate()).isEqualTo("2027-01-31T23:59:00+00:00");
		assertThat(vacancy.workingPattern()).isEqualTo("Part time");
		assertThat(vacancy.contractType()).isEqualTo("Temporary");
		assertThat(vacancy.employerName()).isEqualTo("Harley Street Clinic");
		assertThat(vacancy.postcode()).isEqualTo("W1G 9PF");
		assertThat(vacancy.town()).isEqualTo("London");
		assertThat(vacancy.remote()).isEqualTo("TELECOMMUTE");
		assertThat(vacancy.salary()).isEqualTo("£13.5 - £15 per hour");
		assertThat(vacancy.applyUrl()).isEqualTo("https://example.org/jobs/pp-7");
		assertThat(vacancy.problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[%1$s, %1$s]", "{\"@context\": \"https://schema.org\", \"@graph\": [%1$s, "
			+ "{\"@type\": \"Organization\", \"name\": \"skipped\"}, %1$s]}" })
	void readsAnArrayOrAGraphOfPostings(String shape) throws Exception {
		List<FeedEntry> entries = Readers.read(Readers.jsonLd(), shape.formatted(POSTING));

		assertThat(entries).extracting(FeedEntry::index).containsExactly(0, 1);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.vacancy().externalId()).isEqualTo("PP-7"));
	}

	@Test
	void readsATextIdentifierAYearlySalaryAndAnAddressAsText() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.jsonLd(), """
				{"@type": "JobPosting", "identifier": 42, "title": "Secretary",
				 "jobLocation": {"address": "Leeds, LS6 2AB"},
				 "baseSalary": {"currency": "GBP", "value": {"value": 28000, "unitText": "YEAR"}}}
				"""));

		assertThat(vacancy.externalId()).isEqualTo("42");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.postcode()).isEqualTo("LS6 2AB");
		assertThat(vacancy.salary()).isEqualTo("£28000 per year");
	}

	@Test
	void leavesOutASalaryInAnotherCurrency() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.jsonLd(),
				"{\"title\": \"x\", \"baseSalary\": {\"currency\": \"EUR\", \"value\": {\"value\": 30000}}}"));

		assertThat(vacancy.salary()).isNull();
	}

	@Test
	void rejectsOnlyTheFieldThatIsNotText() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.jsonLd(), "{\"title\": {\"text\": \"Secretary\"}}"));

		assertThat(vacancy.problems()).extracting("field").containsExactly("title");
	}

	@Test
	void handsOnEachPostingBeforeReadingTheNext() {
		List<String> seen = new ArrayList<>();

		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.jsonLd()
			.read("{\"@graph\": [{\"identifier\": \"A\"}, {\"identifier\": \"B\"}, {".getBytes(),
					(entry) -> seen.add(entry.vacancy().externalId())));
		assertThat(seen).containsExactly("A", "B");
	}

	@Test
	void refusesAnObjectThatIsNotAJobPosting() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.jsonLd(), "{\"@type\": \"Organization\", \"name\": \"x\"}"))
			.withMessageContaining("not a schema.org JobPosting");
	}

	@Test
	void refusesAnArrayItemThatIsNotAnObjectNamingItsPath() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.jsonLd(), "{\"@graph\": [{}, 3]}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("$['@graph'][1]"));
	}

	private static RawVacancy only(List<FeedEntry> entries) {
		assertThat(entries).hasSize(1);
		return entries.get(0).vacancy();
	}

}
