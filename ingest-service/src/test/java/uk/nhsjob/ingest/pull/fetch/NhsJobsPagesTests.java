package uk.nhsjob.ingest.pull.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NhsJobsPagesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					https://www.jobs.nhs.uk/api/v1/search_xml                                    | https://www.jobs.nhs.uk/api/v1/search_xml?page=4
					https://www.jobs.nhs.uk/api/v1/search_xml?keyword=medical%20secretary&page=1 | https://www.jobs.nhs.uk/api/v1/search_xml?keyword=medical%20secretary&page=4
					https://www.jobs.nhs.uk/search?page=9&location=Leeds%2C%20LS1                | https://www.jobs.nhs.uk/search?location=Leeds%2C%20LS1&page=4
					""")
	void addsOrReplacesThePageParameterKeepingTheRestAsWritten(String url, String pageFour) {
		assertThat(NhsJobsPages.page(URI.create(url), 4)).isEqualTo(URI.create(pageFour));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			<nhsSearch><totalResults>40</totalResults><totalPages>4</totalPages></nhsSearch>          | 4
			<nhsSearch><vacancyDetails><totalPages>9</totalPages></vacancyDetails></nhsSearch>        | 1
			<nhsSearch><vacancyDetails><id>1</id></vacancyDetails><totalPages> 2 </totalPages></nhsSearch> | 2
			<nhsSearch></nhsSearch>                                                                   | 1
			<nhsSearch><totalPages>many</totalPages></nhsSearch>                                      | 1
			<!DOCTYPE x [<!ENTITY n "7">]><nhsSearch><totalPages>&n;</totalPages></nhsSearch>         | 1
			not xml at all                                                                            | 1
			""")
	void readsTheNumberOfPagesFromUnderTheRoot(String firstPage, int totalPages) {
		assertThat(NhsJobsPages.totalPages(firstPage.getBytes(StandardCharsets.UTF_8))).isEqualTo(totalPages);
	}

}
