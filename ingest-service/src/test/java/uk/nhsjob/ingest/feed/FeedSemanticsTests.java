package uk.nhsjob.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delta and snapshot feeds, validation, the open list and withdrawal, as docs/feeds.md
 * describes them.
 */
@IngestServiceTest
class FeedSemanticsTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("semantics", "NHS_TRUST", "LS1 4AP");

	@Test
	void aDeltaLeavesVacanciesItDoesNotMentionOpen() {
		push("delta", Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B")));

		Response receipt = push("delta", Feeds.feed(Feeds.vacancy("C")));

		assertThat(receipt.json().path("closed").asInt()).isZero();
		assertThat(openExternalIds()).containsExactly("A", "B", "C");
	}

	@Test
	void aSnapshotClosesTheOpenVacanciesItLeavesOutAsANewRevision() {
		push("delta", Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B"), Feeds.vacancy("C")));

		Response receipt = push("snapshot", Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("D")));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		JsonNode body = receipt.json();
		assertThat(body.path("received").asInt()).isEqualTo(2);
		assertThat(body.path("published").asInt()).isEqualTo(1);
		assertThat(body.path("unchanged").asInt()).isEqualTo(1);
		assertThat(body.path("closed").asInt()).isEqualTo(2);
		assertThat(openExternalIds()).containsExactly("A", "D");
		List<VacancyPublished> events = VacancyTopic.awaitEvents(this.source.id() + ":B", 2);
		assertThat(events).extracting((event) -> event.vacancy().status())
			.containsExactly(VacancyStatus.OPEN, VacancyStatus.CLOSED);
		assertThat(events.get(1).vacancy().revision()).isEqualTo(2);
		assertThat(events.get(1).vacancy().title()).isEqualTo(events.get(0).vacancy().title());
	}

	@Test
	void aSnapshotClosesMoreOpenVacanciesThanOneBatchHolds() {
		int leftOut = 2 * IngestApi.OUTBOX_BATCH_SIZE + 1;
		List<Map<String, Object>> vacancies = new ArrayList<>(List.of(Feeds.vacancy("KEPT")));
		for (int i = 0; i < leftOut; i++) {
			vacancies.add(Feeds.vacancy("GONE-" + i));
		}
		push("delta", IngestApi.toJson(Map.of("vacancies", vacancies)));

		Response receipt = push("snapshot", Feeds.feed(Feeds.vacancy("KEPT")));

		assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
		assertThat(receipt.json().path("closed").asInt()).isEqualTo(leftOut);
		assertThat(receipt.json().path("unchanged").asInt()).isEqualTo(1);
		assertThat(openExternalIds()).containsExactly("KEPT");
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":GONE-" + (leftOut - 1), 2).get(1).vacancy().status())
			.isEqualTo(VacancyStatus.CLOSED);
	}

	@Test
	void aSnapshotKeepsTheStateOfAVacancyRejectedForItsContent() {
		push("delta", Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B")));

		Response receipt = push("snapshot",
				Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B", Map.of("postcode", "not a postcode"))));

		assertThat(receipt.json().path("closed").asInt()).isZero();
		assertThat(receipt.json().path("rejected").get(0).path("externalId").asString()).isEqualTo("B");
		assertThat(openExternalIds()).containsExactly("A", "B");
	}

	@Test
	void anEmptySnapshotClosesNothingUnlessConfirmed() {
		push("delta", Feeds.feed(Feeds.vacancy("A")));

		Response refused = push("snapshot", Feeds.feed());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().path("detail").asString()).contains("confirmEmpty=true");
		assertThat(openExternalIds()).containsExactly("A");

		Response confirmed = this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "?mode=snapshot&confirmEmpty=true", this.source.key(),
					"application/json", Feeds.feed());

		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		assertThat(confirmed.json().path("closed").asInt()).isEqualTo(1);
		assertThat(openExternalIds()).isEmpty();
	}

	@Test
	void reopensAClosedVacancyWhenItIsPushedAgain() {
		push("delta", Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B")));
		push("snapshot", Feeds.feed(Feeds.vacancy("A")));

		Response receipt = push("delta", Feeds.feed(Feeds.vacancy("B")));

		assertThat(receipt.json().path("published").asInt()).isEqualTo(1);
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":B", 3)).extracting((event) -> event.vacancy().status())
			.containsExactly(VacancyStatus.OPEN, VacancyStatus.CLOSED, VacancyStatus.OPEN);
	}

	@Test
	void validatesAFeedWithoutPublishingAnything() {
		Response validation = this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "/validate", this.source.key(), "application/json",
					Feeds.feed(Feeds.vacancy("V-1"), Feeds.vacancy("V-2", Map.of("closingDate", "31/12/2001"))));

		assertThat(validation.status()).as(validation.text()).isEqualTo(200);
		JsonNode body = validation.json();
		assertThat(body.path("vacancies")).hasSize(1);
		assertThat(body.path("vacancies").get(0).path("id").asString()).isEqualTo(this.source.id() + ":V-1");
		assertThat(body.path("vacancies").get(0).path("role").asString()).isEqualTo("HOSPITAL_CONSULTANT_SECRETARY");
		assertThat(body.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
		assertThat(body.path("rejected").get(0).path("errors").get(0).path("field").asString())
			.isEqualTo("closingDate");
		assertThat(openExternalIds()).isEmpty();
		Response published = push("delta", Feeds.feed(Feeds.vacancy("V-1")));
		assertThat(published.json().path("published").asInt()).isEqualTo(1);
	}

	@Test
	void validationNeedsTheSourcesKey() {
		Response anonymous = this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "/validate", null, "application/json",
					Feeds.feed(Feeds.vacancy("V-1")));

		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void withdrawsOneVacancyByItsPercentEncodedExternalId() {
		Response pushed = push("delta",
				Feeds.feed(Feeds.vacancy("HR/2026 14", Map.of("applyUrl", "https://jobs.example.org/apply/14")),
						Feeds.vacancy("B")));
		assertThat(pushed.json().path("published").asInt()).as(pushed.text()).isEqualTo(2);

		Response withdrawn = this.source.api()
			.delete("/api/v1/feeds/" + this.source.id() + "/vacancies/HR%2F2026%2014", this.source.key());

		assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(204);
		assertThat(openExternalIds()).containsExactly("B");
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":HR/2026 14", 2).get(1).vacancy().status())
			.isEqualTo(VacancyStatus.CLOSED);
	}

	@Test
	void answersNotFoundWhenWithdrawingAnUnknownVacancy() {
		Response withdrawn = this.source.api()
			.delete("/api/v1/feeds/" + this.source.id() + "/vacancies/NEVER", this.source.key());

		assertThat(withdrawn.status()).isEqualTo(404);
		assertThat(withdrawn.isProblem()).isTrue();
	}

	@Test
	void neverCreatesOrChangesAnotherSourcesVacancyWhateverIdsItsFeedCarries() {
		String otherId = IngestApi.uniqueSourceId("victim");
		String otherKey = this.source.api().newSource(otherId, "NHS_TRUST", "LS1 4AP");
		this.source.api().pushFeed(otherId, otherKey, Feeds.feed(Feeds.vacancy("MS-1")));

		Response attack = push("snapshot",
				Feeds.feed(
						Feeds.vacancy(otherId + ":MS-1",
								Map.of("title", "Hijacked", "sourceId", otherId, "id", otherId + ":MS-1")),
						Feeds.vacancy("MS-1", Map.of("title", "Also hijacked"))));
		Response withdraw = this.source.api()
			.delete("/api/v1/feeds/" + this.source.id() + "/vacancies/" + otherId + ":MS-1", this.source.key());

		assertThat(attack.json().path("published").asInt()).isEqualTo(2);
		assertThat(withdraw.status()).isEqualTo(204);
		assertThat(openExternalIds()).containsExactly("MS-1");
		Response victims = this.source.api().get("/api/v1/feeds/" + otherId + "/vacancies", otherKey);
		assertThat(victims.json().path("vacancies")).singleElement().satisfies((vacancy) -> {
			assertThat(vacancy.path("revision").asLong()).isEqualTo(1);
			assertThat(vacancy.path("title").asString()).isEqualTo("Medical Secretary to Consultant Cardiologist");
		});
		assertThat(VacancyTopic.awaitEvents(this.source.id() + ":" + otherId + ":MS-1", 1).get(0).vacancy().sourceId())
			.isEqualTo(this.source.id());
	}

	@Test
	void listsOnlyTheSourcesOwnOpenVacancies() {
		push("delta", Feeds.feed(Feeds.vacancy("A")));

		Response other = this.source.api()
			.get("/api/v1/feeds/" + this.source.id() + "/vacancies",
					this.source.api().newSource(IngestApi.uniqueSourceId("other"), "GP_PRACTICE", "LS6 2AB"));

		assertThat(other.status()).isEqualTo(403);
	}

	private Response push(String mode, String feed) {
		return this.source.api()
			.post("/api/v1/feeds/" + this.source.id() + "?mode=" + mode, this.source.key(), "application/json", feed);
	}

	private List<String> openExternalIds() {
		Response open = this.source.api().get("/api/v1/feeds/" + this.source.id() + "/vacancies", this.source.key());
		assertThat(open.status()).as(open.text()).isEqualTo(200);
		return open.json()
			.path("vacancies")
			.valueStream()
			.map((vacancy) -> vacancy.path("externalId").asString())
			.sorted()
			.toList();
	}

}
