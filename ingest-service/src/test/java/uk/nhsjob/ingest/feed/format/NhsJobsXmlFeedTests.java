package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.ingest.normalise.RawVacancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NhsJobsXmlFeedTests {

	@Test
	void readsTheNhsJobsShape() throws Exception {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<nhsJobs>
				  <vacancyDetails>
				    <id>916-5550</id>
				    <reference>C9-0042</reference>
				    <title>Medical Secretary &amp; Typist</title>
				    <employer>Leeds Teaching Hospitals NHS Trust</employer>
				    <description><![CDATA[<p>Audio typing <b>essential</b>.</p>]]></description>
				    <salary>£27,485 to £30,162 a year</salary>
				    <type>Fixed-Term</type>
				    <postDate>2026-11-01</postDate>
				    <closeDate>2027-01-31</closeDate>
				    <locations><location>Leeds, LS1 1AA</location><location>Wakefield, WF1 4DG</location></locations>
				    <url>https://www.jobs.nhs.uk/candidate/jobadvert/C9-0042</url>
				    <band>Band 4</band>
				    <hours>37.5</hours>
				    <workingPattern>Full time</workingPattern>
				    <specialty>Cardiology</specialty>
				    <unknownElement>ignored</unknownElement>
				  </vacancyDetails>
				</nhsJobs>
				""";

		List<FeedEntry> entries = Readers.read(Readers.xml(), xml);

		assertThat(entries).hasSize(1);
		RawVacancy vacancy = entries.get(0).vacancy();
		assertThat(entries.get(0).line()).isNull();
		assertThat(vacancy.externalId()).isEqualTo("916-5550");
		assertThat(vacancy.reference()).isEqualTo("C9-0042");
		assertThat(vacancy.title()).isEqualTo("Medical Secretary & Typist");
		assertThat(vacancy.employerName()).isEqualTo("Leeds Teaching Hospitals NHS Trust");
		assertThat(vacancy.description()).isEqualTo("<p>Audio typing <b>essential</b>.</p>");
		assertThat(vacancy.salary()).isEqualTo("£27,485 to £30,162 a year");
		assertThat(vacancy.contractType()).isEqualTo("Fixed-Term");
		assertThat(vacancy.postedAt()).isEqualTo("2026-11-01");
		assertThat(vacancy.closingDate()).isEqualTo("2027-01-31");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.postcode()).isEqualTo("LS1 1AA");
		assertThat(vacancy.applyUrl()).isEqualTo("https://www.jobs.nhs.uk/candidate/jobadvert/C9-0042");
		assertThat(vacancy.band()).isEqualTo("Band 4");
		assertThat(vacancy.hours()).isEqualTo("37.5");
		assertThat(vacancy.workingPattern()).isEqualTo("Full time");
		assertThat(vacancy.specialty()).isEqualTo("Cardiology");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<nhsSearch><vacancy><id>1</id></vacancy><vacancy><id>2</id></vacancy></nhsSearch>",
			"<vacancies><vacancy><id>1</id><location>Leeds</location></vacancy><vacancy><id>2</id></vacancy></vacancies>",
			"<nhsJobs xmlns=\"urn:nhs-jobs\"><results><vacancyDetails><id>1</id></vacancyDetails>"
					+ "<vacancyDetails><id>2</id></vacancyDetails></results></nhsJobs>" })
	void readsEveryRootAndVacancyElementInDocumentOrder(String xml) throws Exception {
		List<FeedEntry> entries = Readers.read(Readers.xml(), xml);

		assertThat(entries).extracting(FeedEntry::index).containsExactly(0, 1);
		assertThat(entries).extracting((entry) -> entry.vacancy().externalId()).containsExactly("1", "2");
	}

	@Test
	void keepsWordsApartInADescriptionWrittenAsXhtml() throws Exception {
		RawVacancy vacancy = Readers
			.read(Readers.xml(),
					"<vacancies><vacancy><description><p>One</p><p>Two</p></description></vacancy></vacancies>")
			.get(0)
			.vacancy();

		assertThat(vacancy.description()).isEqualTo("One  Two");
	}

	@Test
	void handsOnEachVacancyBeforeReadingTheNext() {
		String xml = "<vacancies><vacancy><id>1</id></vacancy><vacancy><id>2</id></vacancy><broken></vacancies>";
		List<String> seen = new ArrayList<>();

		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.xml().read(xml.getBytes(), (entry) -> seen.add(entry.vacancy().externalId())));
		assertThat(seen).containsExactly("1", "2");
	}

	@Test
	void refusesAnotherRootElementNamingIt() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.xml(), "<rss><vacancy><id>1</id></vacancy></rss>"))
			.withMessageContaining("<rss>");
	}

	@Test
	void refusesXmlThatIsNotWellFormedNamingTheLine() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.xml(), "<vacancies>\n<vacancy>\n<id>1</vacancy>\n</vacancies>"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("line 3");
	}

}
