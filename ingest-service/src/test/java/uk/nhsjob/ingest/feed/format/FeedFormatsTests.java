package uk.nhsjob.ingest.feed.format;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feed format through HTTP to the normalised vacancies on the topic.
 */
@IngestServiceTest
class FeedFormatsTests {

	static final String CLOSING = ServiceClock.today().plusDays(30).toString();

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("formats", "NHS_TRUST", "LS6 2AB");

	@ParameterizedTest
	@CsvSource({ "demo-feed.json, application/json", "demo-feed.jsonld, application/ld+json",
			"demo-feed.xml, application/xml", "demo-feed.csv, text/csv; charset=utf-8" })
	void publishesEverySampleFeedInFull(String file, String contentType) {
		byte[] sample = Feeds.sample(file);

		Response receipt = push(contentType, sample);

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(receipt.json().path("received").asInt()).isEqualTo(3);
		assertThat(receipt.json().path("published").asInt()).isEqualTo(3);
		assertThat(receipt.json().path("rejected").isEmpty()).as(receipt.text()).isTrue();
	}

	@Test
	void publishesAJsonLdJobPostingNormalised() {
		Response receipt = push("application/ld+json", JSON_LD_POSTING.formatted("PP-1"));

		assertThat(receipt.json().path("published").asInt()).as(receipt.text()).isEqualTo(1);
		Vacancy vacancy = published("PP-1");
		assertThat(vacancy.title()).isEqualTo("Medical Secretary");
		assertThat(vacancy.description()).isEqualTo("Typing for a busy clinic.");
		assertThat(vacancy.employerName()).isEqualTo("Harley Street Clinic");
		assertThat(vacancy.postcode()).isEqualTo("LS1 4AP");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.remote()).isEqualTo(RemoteWorking.REMOTE);
		assertThat(vacancy.workingPatterns()).containsExactly(WorkingPattern.PART_TIME);
		assertThat(vacancy.contractType()).isEqualTo(ContractType.FIXED_TERM);
		assertThat(vacancy.salaryPeriod()).isEqualTo(SalaryPeriod.HOUR);
		assertThat(vacancy.salaryMinAnnual()).isEqualTo(26397);
		assertThat(vacancy.closingDate()).isEqualTo(LocalDate.parse(CLOSING));
		assertThat(vacancy.applyUrl()).isEqualTo("https://example.org/jobs/PP-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%s", "[%s, %s]", "{\"@context\": \"https://schema.org\", \"@graph\": "
			+ "[{\"@type\": \"Organization\", \"name\": \"Harley Street Clinic\"}, %s, %s]}" })
	void readsJsonLdAsOneObjectAnArrayOrAGraph(String shape) {
		String document = shape.formatted(JSON_LD_POSTING.formatted("LD-1"), JSON_LD_POSTING.formatted("LD-2"));
		int postings = shape.startsWith("%") ? 1 : 2;

		Response receipt = push("application/ld+json", document);

		assertThat(receipt.json().path("received").asInt()).as(receipt.text()).isEqualTo(postings);
		assertThat(receipt.json().path("published").asInt()).isEqualTo(postings);
		assertThat(published("LD-1").title()).isEqualTo("Medical Secretary");
	}

	@Test
	void publishesAnNhsJobsXmlFeedNormalised() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<nhsSearch>
				  <vacancy>
				    <id>X-1</id>
				    <reference>C9-1</reference>
				    <title>Medical Secretary - Dermatology</title>
				    <employer>Demo NHS Foundation Trust</employer>
				    <description><![CDATA[<p>Type <b>clinic</b> letters.</p>]]></description>
				    <salary>£27,485 to £30,162 a year pro rata</salary>
				    <type>Fixed-Term</type>
				    <closeDate>%s</closeDate>
				    <locations><location>Leeds, ls14ap</location></locations>
				    <url>https://www.jobs.nhs.uk/candidate/jobadvert/C9-1</url>
				    <band>Band 4</band>
				    <hours>22.5</hours>
				  </vacancy>
				</nhsSearch>
				""".formatted(CLOSING);

		Response receipt = push("text/xml; charset=UTF-8", xml);

		assertThat(receipt.json().path("published").asInt()).as(receipt.text()).isEqualTo(1);
		Vacancy vacancy = published("X-1");
		assertThat(vacancy.role()).isEqualTo(Role.DEPARTMENTAL_SECRETARY);
		assertThat(vacancy.specialties()).containsExactly(Specialty.DERMATOLOGY);
		assertThat(vacancy.description()).isEqualTo("Type clinic letters.");
		assertThat(vacancy.contractType()).isEqualTo(ContractType.FIXED_TERM);
		assertThat(vacancy.bandMin()).isEqualTo(Band.BAND_4);
		assertThat(vacancy.proRata()).isTrue();
		assertThat(vacancy.hoursPerWeek()).isEqualTo(22.5);
		assertThat(vacancy.postcode()).isEqualTo("LS1 4AP");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.reference()).isEqualTo("C9-1");
	}

	@Test
	void publishesAnNhsbsaCsvFeedNormalised() {
		String csv = """
				VACANCY_ID,JOB_REFERENCE,EMPLOYER_NAME,JOB_TITLE,STAFF_GROUP,AREA_OF_WORK,PAY_BAND,SALARY_RANGE_MIN,\
				SALARY_RANGE_MAX,SALARY_TIME_UNIT,CONTRACT_TYPE,WORKING_PATTERN,EMPLOYER_POSTCODE,CLOSING_DATE
				916-1,C9-916-1,Demo NHS Foundation Trust,Medical Secretary,Administrative and Clerical,Cardiology,\
				Band 4,27485,30162,Annum,Permanent,Full time,LS1 3EX,%s
				""".formatted(CLOSING);

		Response receipt = push("text/csv", csv);

		assertThat(receipt.json().path("published").asInt()).as(receipt.text()).isEqualTo(1);
		Vacancy vacancy = published("916-1");
		assertThat(vacancy.reference()).isEqualTo("C9-916-1");
		assertThat(vacancy.salaryMinAnnual()).isEqualTo(27485);
		assertThat(vacancy.salaryMaxAnnual()).isEqualTo(30162);
		assertThat(vacancy.bandMin()).isEqualTo(Band.BAND_4);
		assertThat(vacancy.specialties()).containsExactly(Specialty.CARDIOLOGY);
		assertThat(vacancy.contractType()).isEqualTo(ContractType.PERMANENT);
		assertThat(vacancy.workingPatterns()).containsExactly(WorkingPattern.FULL_TIME);
		assertThat(vacancy.postcode()).isEqualTo("LS1 3EX");
	}

	@Test
	void givesTheCsvLineEachRejectedVacancyStartsOn() {
		// lines: OK-1 on 2-3, NO-TITLE on 4, an empty line 5, BAD-POSTCODE on 6-8,
		// PAST on 9
		String csv = "Ref,Job title,Description,Postcode,Closing date\n"
				+ "OK-1,Medical Secretary,\"Two\nlines\",LS1 3EX," + CLOSING + "\n" + "NO-TITLE,,plain,LS1 3EX,"
				+ CLOSING + "\n" + "\n" + "BAD-POSTCODE,Medical Secretary,\"Three\nmore\nlines\",LS1 XYZ," + CLOSING
				+ "\n" + "PAST,Medical Secretary,plain,LS1 3EX," + Feeds.inDays(-1) + "\n";

		Response receipt = push("text/csv", csv);

		JsonNode rejected = receipt.json().path("rejected");
		assertThat(receipt.json().path("received").asInt()).as(receipt.text()).isEqualTo(4);
		assertThat(rejected).hasSize(3);
		assertRejected(rejected.path(0), 1, 4, "NO-TITLE", "title");
		assertRejected(rejected.path(1), 2, 6, "BAD-POSTCODE", "postcode");
		assertRejected(rejected.path(2), 3, 9, "PAST", "closingDate");
	}

	@Test
	void givesNoLineForRejectionsInOtherFormats() {
		Response receipt = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("NO-TITLE", Map.of("title", " "))));

		assertThat(receipt.json().path("rejected").path(0).has("line")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void readsCsvWithOrWithoutAByteOrderMark(boolean byteOrderMark) {
		String csv = (byteOrderMark ? "\uFEFF" : "") + "Ref,Job title,Closing date\nBOM-1,Secrétaire médicale,"
				+ CLOSING + "\n";

		Response receipt = push("text/csv", csv);

		assertThat(receipt.json().path("published").asInt()).as(receipt.text()).isEqualTo(1);
		assertThat(published("BOM-1").title()).isEqualTo("Secrétaire médicale");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/x-ndjson", "application/vnd.ms-excel", "text/plain" })
	void refusesAContentTypeItDoesNotReadNamingThoseItDoes(String contentType) {
		Response response = push(contentType, "whatever");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.headers().firstValue("Accept").orElse("")).contains("application/json",
				"application/ld+json", "application/xml", "text/xml", "text/csv");
	}

	private Response push(String contentType, String body) {
		return push(contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private Response push(String contentType, byte[] body) {
		return this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), contentType,
					BodyPublishers.ofByteArray(body));
	}

	private Vacancy published(String externalId) {
		return VacancyTopic.awaitEvents(this.source.id() + ":" + externalId, 1).get(0).vacancy();
	}

	private static void assertRejected(JsonNode rejection, int index, int line, String externalId, String field) {
		assertThat(rejection.path("index").asInt()).isEqualTo(index);
		assertThat(rejection.path("line").asInt()).isEqualTo(line);
		assertThat(rejection.path("externalId").asString()).isEqualTo(externalId);
		assertThat(rejection.path("errors").path(0).path("field").asString()).isEqualTo(field);
	}

	static final String JSON_LD_POSTING = """
			{"@context": "https://schema.org/", "@type": "JobPosting",
			 "identifier": {"@type": "PropertyValue", "value": "%s"},
			 "title": "Medical Secretary", "description": "<p>Typing for a <em>busy</em> clinic.</p>",
			 "validThrough": "CLOSING", "employmentType": ["PART_TIME", "TEMPORARY"],
			 "hiringOrganization": {"@type": "Organization", "name": "Harley Street Clinic"},
			 "jobLocation": [{"@type": "Place", "address": {"postalCode": "ls14ap", "addressLocality": "Leeds"}}],
			 "jobLocationType": "TELECOMMUTE",
			 "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
			   "value": {"@type": "QuantitativeValue", "minValue": 13.50, "maxValue": 14.00, "unitText": "HOUR"}},
			 "url": "https://example.org/jobs/%1$s"}
			""".replace("CLOSING", CLOSING);

}
