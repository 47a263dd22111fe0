package uk.nhsjob.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.TestPropertySource;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The cap on a source's open vacancies (docs/feeds.md, "Limits"), lowered here to
 * {@value #CAP} through its setting: a feed that would leave more open, counted after its
 * own closures, is refused whole.
 */
@IngestServiceTest
@TestPropertySource(properties = "nhsjob.ingest.max-open-vacancies-per-source=" + SourceCapTests.CAP)
class SourceCapTests {

	static final int CAP = 4;

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("cap", "NHS_TRUST", "LS1 4AP");

	@Autowired
	MongoOperations mongo;

	@Test
	void refusesWholeAFeedThatWouldLeaveMoreOpenStoringAndPublishingNothingOfIt() {
		assertThat(push("delta", vacancies("A", "B")).status()).isEqualTo(200);

		// three new ones would leave five open; with batches of three, a feed checked
		// only as it went would have stored its first batch
		Response refused = push("delta", vacancies("C", "D", "E"));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().path("type").asString()).isEqualTo("urn:nhsjob:problem:too-many-open-vacancies");
		assertThat(refused.json().path("limit").asInt()).isEqualTo(CAP);
		assertThat(refused.json().path("wouldBeOpen").asInt()).isEqualTo(5);
		assertThat(refused.json().path("detail").asString()).contains("5 open vacancies", "limit of " + CAP);
		assertThat(openExternalIds()).containsExactly("A", "B");
		assertThat(storedIds()).containsExactlyInAnyOrder(id("A"), id("B"));
		assertThat(VacancyTopic.keysStartingWith(this.source.id() + ":")).containsExactlyInAnyOrder(id("A"), id("B"));
	}

	@Test
	void refusesASnapshotThatWouldPassTheCapOnAnEmptySource() {
		Response refused = push("snapshot", vacancies("A", "B", "C", "D", "E"));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.json().path("wouldBeOpen").asInt()).isEqualTo(5);
		assertThat(storedIds()).isEmpty();
		assertThat(VacancyTopic.keysStartingWith(this.source.id() + ":")).isEmpty();
	}

	@Test
	void acceptsAFeedThatLeavesExactlyTheCapOpenCountingWhatIsOpenAlreadyOnce() {
		push("delta", vacancies("A", "B", "C"));

		// A, B and C are open already: only D adds one
		Response receipt = push("delta", vacancies("A", "B", "C", "D"));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		assertThat(openExternalIds()).containsExactly("A", "B", "C", "D");

		Response over = push("delta", vacancies("E"));
		assertThat(over.status()).as(over.text()).isEqualTo(422);
		assertThat(over.json().path("wouldBeOpen").asInt()).isEqualTo(CAP + 1);
	}

	@Test
	void aWithdrawalMakesRoomForAnother() {
		push("delta", vacancies("A", "B", "C", "D"));
		assertThat(push("delta", vacancies("E")).status()).isEqualTo(422);

		assertThat(this.source.api()
			.delete("/api/v1/feeds/" + this.source.id() + "/vacancies/A", this.source.key())
			.status()).isEqualTo(204);
		Response receipt = push("delta", vacancies("E"));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(openExternalIds()).containsExactly("B", "C", "D", "E");
	}

	@Test
	void acceptsASnapshotWhoseClosuresBringTheSourceUnderTheCap() {
		push("delta", vacancies("A", "B", "C", "D"));

		// as a delta these would leave seven open; as a snapshot A, B and C close
		Response receipt = push("snapshot", vacancies("D", "E", "F"));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(receipt.json().path("closed").asInt()).isEqualTo(3);
		assertThat(openExternalIds()).containsExactly("D", "E", "F");
	}

	@Test
	void countsTheOpenVacanciesASnapshotRejectsForTheirContentAsStillOpen() {
		push("delta", vacancies("A", "B", "C", "D"));
		Map<String, Object> brokenA = Feeds.vacancy("A", Map.of("postcode", "not a postcode"));
		Map<String, Object> brokenB = Feeds.vacancy("B", Map.of("postcode", "not a postcode"));

		// A and B keep their state (open): with E, F and G that would be five
		Response refused = push("snapshot",
				Feeds.feed(brokenA, brokenB, Feeds.vacancy("E"), Feeds.vacancy("F"), Feeds.vacancy("G")));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.json().path("wouldBeOpen").asInt()).isEqualTo(5);
		assertThat(openExternalIds()).containsExactly("A", "B", "C", "D");

		Response accepted = push("snapshot", Feeds.feed(brokenA, brokenB, Feeds.vacancy("E"), Feeds.vacancy("F")));
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.json().path("rejected")).hasSize(2);
		assertThat(accepted.json().path("closed").asInt()).isEqualTo(2);
		assertThat(openExternalIds()).containsExactly("A", "B", "E", "F");
	}

	private String vacancies(String... externalIds) {
		List<Map<String, Object>> vacancies = new ArrayList<>();
		for (String externalId : externalIds) {
			vacancies.add(Feeds.vacancy(externalId));
		}
		return IngestApi.toJson(Map.of("vacancies", vacancies));
	}

	private String id(String externalId) {
		return this.source.id() + ":" + externalId;
	}

	private Response push(String mode, String feed) {
		return this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "?mode=" + mode, this.source.key(), "application/json", feed);
	}

	private List<String> storedIds() {
		return this.mongo.find(query(where("sourceId").is(this.source.id())), Document.class, "publishedVacancies")
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	private List<String> openExternalIds() {
		Response open = this.source.api().get("/api/v1/feeds/" + this.source.id() + "/vacancies", this.source.key());
		assertThat(open.status()).as(open.text()).isEqualTo(200);
		return open.json()
			.path("vacancies")
			.valueStream()
			.map((vacancy) -> vacancy.path("externalId").asString())
			.toList();
	}

}
