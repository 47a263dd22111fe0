package uk.nhsjob.ingest.publish;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same job from two sources (docs/normalisation.md): the later copy carries
 * {@code duplicateOf} while the first is open, and every copy the same job id, kept when
 * the first closes.
 */
@IngestServiceTest
class SameJobTests {

	@RegisterExtension
	final RegisteredSource trust = new RegisteredSource("trust", "NHS_TRUST", "LS1 4AP");

	@RegisterExtension
	final RegisteredSource listing = new RegisteredSource("listing", "NHS_TRUST", "LS1 4AP");

	@RegisterExtension
	final RegisteredSource third = new RegisteredSource("third", "NHS_TRUST", "LS1 4AP");

	@Autowired
	PublishedVacancies publishedVacancies;

	@Test
	void aCopyFromASecondSourceWithTheSameEmployerAndReferenceIsADuplicateOfTheFirst() {
		push(this.trust, "T-1", Map.of("reference", "C123-4567"));
		push(this.listing, "L-1", Map.of("reference", "c123- 4567", "title", "Medical Secretary (Cardiology)",
				"closingDate", Feeds.inDays(20)));

		Vacancy first = stored(this.trust, "T-1");
		Vacancy copy = stored(this.listing, "L-1");
		assertThat(first.duplicateOf()).isNull();
		assertThat(first.jobId()).isEqualTo(first.id());
		assertThat(copy.duplicateOf()).isEqualTo(first.id());
		assertThat(copy.jobId()).isEqualTo(first.id());
		assertThat(VacancyTopic.awaitEvents(copy.id(), 1).get(0).vacancy().duplicateOf()).isEqualTo(first.id());
	}

	@Test
	void aCopyWithTheSameEmployerTitleSectorAndClosingDateComparedCaseAndSpaceInsensitivelyIsADuplicate() {
		push(this.trust, "T-2", Map.of("reference", "OWN-1"));
		push(this.listing, "L-2",
				Map.of("reference", "NHSJ-99", "employerName", employer(this.trust).toUpperCase().replace(" ", "  "),
						"title", "medical  secretary TO consultant cardiologist", "postcode", "LS1 4BJ"));

		assertThat(stored(this.listing, "L-2").duplicateOf()).isEqualTo(stored(this.trust, "T-2").id());
	}

	@Test
	void aCopyInAnotherSectorOrClosingOnAnotherDayIsAJobOfItsOwn() {
		push(this.trust, "T-3", Map.of("reference", "OWN-3"));
		push(this.listing, "L-3", Map.of("reference", "NHSJ-3", "postcode", "LS6 2AB"));
		push(this.third, "X-3", Map.of("reference", "OTHER-3", "closingDate", Feeds.inDays(31)));

		assertThat(stored(this.listing, "L-3").duplicateOf()).isNull();
		assertThat(stored(this.third, "X-3").duplicateOf()).isNull();
	}

	@Test
	void twoVacanciesOfOneSourceAreNeverDuplicatesOfEachOther() {
		Response pushed = this.trust.api()
			.pushFeed(this.trust.id(), this.trust.key(),
					Feeds.feed(vacancy(this.trust, "T-4", Map.of("reference", "SAME")),
							vacancy(this.trust, "T-5", Map.of("reference", "SAME"))));
		assertThat(pushed.status()).as(pushed.text()).isEqualTo(200);

		assertThat(stored(this.trust, "T-4").duplicateOf()).isNull();
		assertThat(stored(this.trust, "T-5").duplicateOf()).isNull();
		assertThat(stored(this.trust, "T-5").jobId()).isEqualTo(stored(this.trust, "T-5").id());
	}

	@Test
	void whenTheFirstClosesTheDuplicatesNextRevisionIsNoDuplicateAndKeepsTheJobWhichAThirdCopyJoins() {
		push(this.trust, "T-6", Map.of("reference", "JOB-6"));
		push(this.listing, "L-6", Map.of("reference", "JOB-6"));
		String first = stored(this.trust, "T-6").id();
		assertThat(stored(this.listing, "L-6").duplicateOf()).isEqualTo(first);

		Response closed = this.trust.api()
			.delete("/api/v1/feeds/" + this.trust.id() + "/vacancies/T-6", this.trust.key());
		assertThat(closed.status()).as(closed.text()).isLessThan(300);
		// the duplicate's source pushes it again, unchanged
		Response repushed = push(this.listing, "L-6", Map.of("reference", "JOB-6"));

		assertThat(repushed.json().path("published").asInt()).isEqualTo(1);
		Vacancy copy = stored(this.listing, "L-6");
		assertThat(copy.revision()).isEqualTo(2);
		assertThat(copy.duplicateOf()).isNull();
		assertThat(copy.jobId()).isEqualTo(first);
		assertThat(push(this.listing, "L-6", Map.of("reference", "JOB-6")).json().path("unchanged").asInt())
			.isEqualTo(1);

		push(this.third, "X-6", Map.of("reference", "JOB-6"));
		Vacancy thirdCopy = stored(this.third, "X-6");
		assertThat(thirdCopy.duplicateOf()).isEqualTo(copy.id());
		assertThat(thirdCopy.jobId()).isEqualTo(first);
	}

	@Test
	void aVacancyASourceAdvertisesAgainUnderAnotherIdAfterTheFirstClosedIsANewJob() {
		push(this.trust, "T-8", Map.of("reference", "AGAIN-8"));
		Response closed = this.trust.api()
			.delete("/api/v1/feeds/" + this.trust.id() + "/vacancies/T-8", this.trust.key());
		assertThat(closed.status()).as(closed.text()).isLessThan(300);

		push(this.trust, "T-9", Map.of("reference", "AGAIN-8"));

		Vacancy again = stored(this.trust, "T-9");
		assertThat(again.duplicateOf()).isNull();
		assertThat(again.jobId()).isEqualTo(again.id());
	}

	@Test
	void aVacancyWhoseReferenceChangesLetsGoOfTheOldOneAndKeepsItsJob() {
		push(this.trust, "T-7", Map.of("reference", "OLD-7", "closingDate", Feeds.inDays(40)));
		push(this.trust, "T-7", Map.of("reference", "NEW-7", "closingDate", Feeds.inDays(40)));
		push(this.listing, "L-7", Map.of("reference", "OLD-7", "closingDate", Feeds.inDays(41)));
		push(this.third, "X-7", Map.of("reference", "NEW-7", "closingDate", Feeds.inDays(42)));

		Vacancy changed = stored(this.trust, "T-7");
		assertThat(changed.revision()).isEqualTo(2);
		assertThat(changed.jobId()).isEqualTo(changed.id());
		assertThat(stored(this.listing, "L-7").duplicateOf()).isNull();
		assertThat(stored(this.third, "X-7").duplicateOf()).isEqualTo(changed.id());
	}

	private Response push(RegisteredSource source, String externalId, Map<String, Object> changes) {
		Response pushed = source.api()
			.pushFeed(source.id(), source.key(), Feeds.feed(vacancy(source, externalId, changes)));
		assertThat(pushed.status()).as(pushed.text()).isEqualTo(200);
		return pushed;
	}

	/**
	 * A vacancy of this test's own employer, so that no other test's vacancy is a copy of
	 * it.
	 */
	private Map<String, Object> vacancy(RegisteredSource source, String externalId, Map<String, Object> changes) {
		Map<String, Object> vacancy = Feeds.vacancy(externalId, Map.of("employerName", employer(this.trust)));
		vacancy.putAll(changes);
		return vacancy;
	}

	private static String employer(RegisteredSource firstSource) {
		return "Trust of " + firstSource.id();
	}

	private Vacancy stored(RegisteredSource source, String externalId) {
		return this.publishedVacancies.findById(Vacancy.idOf(source.id(), externalId)).orElseThrow().vacancy();
	}

}
