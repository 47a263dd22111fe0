package uk.nhsjob.ingest.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IngestServiceTest
class FeedPublicationTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("leeds-trust", "NHS_TRUST", "LS6 2AB");

	@Test
	void publishesAPostedVacancyNormalised() {
		Response receipt = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("MS-1001")));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		JsonNode body = receipt.json();
		assertThat(body.path("feedId").asString()).isNotBlank();
		assertThat(body.path("received").asInt()).isEqualTo(1);
		assertThat(body.path("published").asInt()).isEqualTo(1);
		assertThat(body.path("unchanged").asInt()).isZero();
		assertThat(body.path("closed").asInt()).isZero();
		assertThat(body.path("rejected").isEmpty()).isTrue();

		String id = this.source.id() + ":MS-1001";
		List<ConsumerRecord<String, String>> records = VacancyTopic.awaitRecords(id, (found) -> !found.isEmpty());
		assertThat(records.get(0).headers().lastHeader("__TypeId__")).isNull();
		VacancyPublished event = VacancyTopic.event(records.get(0));
		assertThat(event.eventId()).isNotNull();
		assertThat(event.schemaVersion()).isEqualTo(VacancyPublished.SCHEMA_VERSION);
		Vacancy vacancy = event.vacancy();
		assertThat(vacancy.id()).isEqualTo(id);
		assertThat(vacancy.sourceId()).isEqualTo(this.source.id());
		assertThat(vacancy.externalId()).isEqualTo("MS-1001");
		assertThat(vacancy.revision()).isEqualTo(1);
		assertThat(vacancy.status()).isEqualTo(VacancyStatus.OPEN);
		assertThat(vacancy.title()).isEqualTo("Medical Secretary to Consultant Cardiologist");
		assertThat(vacancy.description()).isEqualTo("Join our friendly cardiology team. Audio typing essential.");
		assertThat(vacancy.employerName()).isEqualTo("Leeds Teaching Hospitals NHS Trust");
		assertThat(vacancy.employerType()).isEqualTo(EmployerType.NHS_TRUST);
		assertThat(vacancy.role()).isEqualTo(Role.HOSPITAL_CONSULTANT_SECRETARY);
		assertThat(vacancy.specialties()).containsExactly(Specialty.CARDIOLOGY);
		assertThat(vacancy.bandMin()).isEqualTo(Band.BAND_4);
		assertThat(vacancy.bandMax()).isEqualTo(Band.BAND_4);
		assertThat(vacancy.bandSource()).isEqualTo(BandSource.STATED);
		assertThat(vacancy.salaryMinAnnual()).isEqualTo(27485);
		assertThat(vacancy.salaryMaxAnnual()).isEqualTo(30162);
		assertThat(vacancy.salaryPeriod()).isEqualTo(SalaryPeriod.YEAR);
		assertThat(vacancy.proRata()).isFalse();
		assertThat(vacancy.salaryText()).isEqualTo("£27,485 - £30,162 per annum");
		assertThat(vacancy.hoursPerWeek()).isEqualTo(37.5);
		assertThat(vacancy.workingPatterns()).containsExactly(WorkingPattern.FULL_TIME, WorkingPattern.FLEXIBLE);
		assertThat(vacancy.contractType()).isEqualTo(ContractType.PERMANENT);
		assertThat(vacancy.postcode()).isEqualTo("LS1 4AP");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.latitude()).isCloseTo(53.79592, within(1e-5));
		assertThat(vacancy.longitude()).isCloseTo(-1.55370, within(1e-5));
		assertThat(vacancy.remote()).isEqualTo(RemoteWorking.ON_SITE);
		assertThat(vacancy.postedAt()).isEqualTo(ServiceClock.today());
		assertThat(vacancy.closingDate()).isEqualTo(ServiceClock.today().plusDays(30));
		assertThat(vacancy.applyUrl()).isEqualTo("https://jobs.example.org/apply/MS-1001");
		assertThat(vacancy.reference()).isEqualTo("REF-MS-1001");
	}

	@Test
	void republishesOnlyWhatChanged() {
		String feed = Feeds.feed(Feeds.vacancy("MS-2001"));
		assertThat(
				this.source.api().pushFeed(this.source.id(), this.source.key(), feed).json().path("published").asInt())
			.isEqualTo(1);

		Response again = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("published").asInt()).isZero();
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);

		Response changed = this.source.api()
			.pushFeed(this.source.id(), this.source.key(),
					Feeds.feed(Feeds.vacancy("MS-2001", Map.of("salary", "£28,000 - £31,000 per annum"))));

		assertThat(changed.json().path("published").asInt()).isEqualTo(1);
		assertThat(changed.json().path("unchanged").asInt()).isZero();
		// the unchanged push would have landed before revision 2 in the key's partition
		List<VacancyPublished> events = VacancyTopic.awaitEvents(this.source.id() + ":MS-2001", 2);
		assertThat(events).extracting((event) -> event.vacancy().revision()).containsExactly(1L, 2L);
		assertThat(events.get(1).vacancy().salaryMinAnnual()).isEqualTo(28000);
		assertThat(events.get(1).vacancy().postedAt()).isEqualTo(events.get(0).vacancy().postedAt());
	}

	@Test
	void rejectsVacanciesWithFieldLevelReasonsAndPublishesTheRest() {
		String feed = Feeds.feed(Feeds.vacancy("GOOD-1"), Feeds.vacancy("NO-TITLE", Map.of("title", "  ")),
				Feeds.vacancy("BAD-POSTCODE", Map.of("postcode", "LS1 XYZ")),
				Feeds.vacancy("CLOSED", Map.of("closingDate", Feeds.inDays(-1))),
				Feeds.vacancy("BAD-LINK", Map.of("applyUrl", "javascript:alert(1)")),
				Feeds.vacancy("", Map.of("reference", Feeds.NONE)));

		Response receipt = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(receipt.status()).isEqualTo(200);
		JsonNode body = receipt.json();
		assertThat(body.path("received").asInt()).isEqualTo(6);
		assertThat(body.path("published").asInt()).isEqualTo(1);
		JsonNode rejected = body.path("rejected");
		assertThat(rejected.size()).isEqualTo(5);
		assertRejected(rejected.path(0), 1, "NO-TITLE", "title");
		assertRejected(rejected.path(1), 2, "BAD-POSTCODE", "postcode");
		assertRejected(rejected.path(2), 3, "CLOSED", "closingDate");
		assertRejected(rejected.path(3), 4, "BAD-LINK", "applyUrl");
		assertThat(rejected.path(4).path("index").asInt()).isEqualTo(5);
		assertThat(rejected.path(4).path("externalId").isNull()).isTrue();
		assertThat(rejected.path(4).path("errors").path(0).path("field").asString()).isEqualTo("externalId");
	}

	@Test
	void takesTheReferenceWhenAVacancyHasNoExternalId() {
		Response receipt = this.source.api()
			.pushFeed(this.source.id(), this.source.key(),
					Feeds.feed(Feeds.vacancy("ignored", Map.of("externalId", Feeds.NONE, "reference", "REF-77"))));

		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":REF-77", 1)).isNotEmpty();
	}

	@Test
	void letsTheLaterOfTwoVacanciesWithOneIdWin() {
		String feed = Feeds.feed(Feeds.vacancy("TWICE", Map.of("title", "Medical Secretary")),
				Feeds.vacancy("TWICE", Map.of("title", "Senior Medical Secretary")));

		Response receipt = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(receipt.json().path("received").asInt()).isEqualTo(2);
		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		List<VacancyPublished> events = VacancyTopic.awaitEvents(this.source.id() + ":TWICE", 1);
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event.vacancy().role()).isEqualTo(Role.SENIOR_MEDICAL_SECRETARY));
	}

	@Test
	void keepsTheEarlierOfTwoVacanciesWithOneIdWhenTheLaterIsRejected() {
		String feed = Feeds.feed(Feeds.vacancy("TWICE", Map.of("title", "Senior Medical Secretary")),
				Feeds.vacancy("TWICE", Map.of("title", "Medical Secretary", "postcode", "not a postcode")));

		Response receipt = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		assertThat(receipt.json().path("rejected").path(0).path("index").asInt()).isEqualTo(1);
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":TWICE", 1).get(0).vacancy().role())
			.isEqualTo(Role.SENIOR_MEDICAL_SECRETARY);
	}

	@Test
	void letsTheLaterOfTwoVacanciesWithOneIdWinWhenBatchesLieBetweenThem() {
		String feed = Feeds.feed(Feeds.vacancy("FAR", Map.of("title", "Medical Secretary")), Feeds.vacancy("B-1"),
				Feeds.vacancy("B-2"), Feeds.vacancy("B-3"), Feeds.vacancy("B-4"),
				Feeds.vacancy("FAR", Map.of("title", "Senior Medical Secretary")));

		Response receipt = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(receipt.json().path("published").asInt()).isEqualTo(5);
		// the earlier one was never published: the first event is the later one's
		VacancyPublished first = VacancyTopic.awaitEvents(this.source.id() + ":FAR", 1).get(0);
		assertThat(first.vacancy().revision()).isEqualTo(1);
		assertThat(first.vacancy().role()).isEqualTo(Role.SENIOR_MEDICAL_SECRETARY);
	}

	@Test
	void publishesAFeedOfManyBatchesAndFindsItUnchangedWhenPushedAgain() {
		Map<String, Object>[] vacancies = manyVacancies(3 * IngestApi.OUTBOX_BATCH_SIZE + 2);
		String feed = Feeds.feed(vacancies);

		Response receipt = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(receipt.json().path("published").asInt()).isEqualTo(vacancies.length);
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":MANY-" + (vacancies.length - 1), 1)).isNotEmpty();
		Response again = this.source.api().pushFeed(this.source.id(), this.source.key(), feed);
		assertThat(again.json().path("published").asInt()).isZero();
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(vacancies.length);
	}

	@Test
	void keepsTheDayAJobPostingWasPostedThroughLaterFeedsThatLeaveItOut() {
		LocalDate posted = ServiceClock.today().minusDays(5);
		String posting = """
				{"@context": "https://schema.org/", "@type": "JobPosting", "identifier": "LD-1",
				 "title": "Medical Secretary", "datePosted": "%s", "validThrough": "%s",
				 "jobLocation": {"address": {"postalCode": "LS1 4AP"}}}
				""".formatted(posted, posted.plusDays(40));

		Response receipt = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/ld+json", posting);

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		List<VacancyPublished> events = VacancyTopic.awaitEvents(this.source.id() + ":LD-1", 1);
		assertThat(events.get(0).vacancy().postedAt()).isEqualTo(posted);
		Response withoutTheDate = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/ld+json",
					posting.replace("\"datePosted\": \"" + posted + "\",", ""));
		assertThat(withoutTheDate.json().path("unchanged").asInt()).as(withoutTheDate.text()).isEqualTo(1);
	}

	@Test
	void keepsThePostDateOfAnNhsJobsVacancy() {
		LocalDate posted = ServiceClock.today().minusDays(3);
		String xml = """
				<nhsJobs><vacancyDetails><id>X-1</id><title>Medical Secretary</title>
				<postDate>%s</postDate><closeDate>%s</closeDate><location>Leeds, LS1 4AP</location>
				</vacancyDetails></nhsJobs>
				""".formatted(posted, posted.plusDays(40));

		Response receipt = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/xml", xml);

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":X-1", 1).get(0).vacancy().postedAt())
			.isEqualTo(posted);
	}

	@Test
	void fillsInWhatTheFeedLeavesOutFromTheSource() {
		Response receipt = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("SPARSE",
					Map.of("postcode", Feeds.NONE, "employerName", Feeds.NONE, "town", Feeds.NONE))));

		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		Vacancy vacancy = VacancyTopic.awaitEvents(this.source.id() + ":SPARSE", 1).get(0).vacancy();
		assertThat(vacancy.postcode()).isEqualTo("LS6 2AB");
		assertThat(vacancy.latitude()).isCloseTo(53.81658, within(1e-5));
		assertThat(vacancy.employerName()).isEqualTo("Employer " + this.source.id());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object>[] manyVacancies(int count) {
		Map<String, Object>[] vacancies = new Map[count];
		for (int i = 0; i < count; i++) {
			vacancies[i] = Feeds.vacancy("MANY-" + i);
		}
		return vacancies;
	}

	private static void assertRejected(JsonNode rejection, int index, String externalId, String field) {
		assertThat(rejection.path("index").asInt()).isEqualTo(index);
		assertThat(rejection.path("externalId").asString()).isEqualTo(externalId);
		assertThat(rejection.path("errors").path(0).path("field").asString()).isEqualTo(field);
		assertThat(rejection.path("errors").path(0).path("message").asString()).isNotBlank();
	}

}
