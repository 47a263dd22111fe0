package uk.nhsjob.notifier.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Band;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimedEmailTests {

	private static final LocalDate DIGEST_DAY = LocalDate.parse("2028-03-27");

	private static final Instant NOW = Instant.parse("2028-03-27T06:00:00Z");

	@Test
	void aVacancyClosingOnTheDayIsListedOneClosedBeforeOrWithdrawnIsLeftOut() {
		ClaimedEmail email = new ClaimedEmail("a", "a/email/r1",
				List.of(entry("a", "t:today", DIGEST_DAY, null),
						entry("a", "t:yesterday", DIGEST_DAY.minusDays(1), null),
						entry("a", "t:withdrawn", DIGEST_DAY.plusDays(30), null)));

		ClaimedEmail.Contents contents = email.contents(Set.of("t:withdrawn"), DIGEST_DAY);

		assertThat(contents.vacancies()).extracting(MatchedVacancy::vacancyId).containsExactly("t:today");
		assertThat(contents.listed()).containsExactly("a/t:today");
		assertThat(contents.leftOut()).containsEntry("a/t:yesterday", "closing date passed")
			.containsEntry("a/t:withdrawn", "vacancy closed");
		assertThat(contents.isWelcome()).isFalse();
		assertThat(contents.isEmpty()).isFalse();
	}

	@Test
	void anEmailWithNothingLeftIsEmptyButAWelcomeNeverIsAndCountsWithoutWhatIsLeftOut() {
		ClaimedEmail digest = new ClaimedEmail("a", "a/email/r1",
				List.of(entry("a", "t:gone", DIGEST_DAY.minusDays(1), null)));
		assertThat(digest.contents(Set.of(), DIGEST_DAY).isEmpty()).isTrue();

		Delivery welcome = new Delivery(DeliveryLedger.idOf("b", DeliveryLedger.WELCOME), "b", DeliveryLedger.WELCOME,
				DeliveryLedger.WELCOME, "r1", DeliveryState.SENDING, null, 12, NOW, 0, null, null, NOW, NOW, null, null,
				null, null);
		ClaimedEmail welcomeEmail = new ClaimedEmail("b", "b/welcome",
				List.of(entry("b", "t:gone", DIGEST_DAY.minusDays(1), DeliveryLedger.WELCOME), welcome));

		ClaimedEmail.Contents contents = welcomeEmail.contents(Set.of(), DIGEST_DAY);
		assertThat(contents.isWelcome()).isTrue();
		assertThat(contents.isEmpty()).isFalse();
		assertThat(contents.welcomeTotal()).isEqualTo(11);
		assertThat(contents.listed()).containsExactly("b/welcome");
	}

	@Test
	void claimedEntriesGroupIntoTheirEmailsInOrder() {
		List<ClaimedEmail> emails = ClaimedEmail.of(List.of(entry("a", "t:1", DIGEST_DAY, "email/r1"),
				entry("b", "t:2", DIGEST_DAY, "email/r1"), entry("a", "t:3", DIGEST_DAY, "email/r1")));

		assertThat(emails).extracting(ClaimedEmail::key).containsExactly("a/email/r1", "b/email/r1");
		assertThat(emails.get(0).ids()).containsExactly("a/t:1", "a/t:3");
	}

	/**
	 * An email of an address's alerts: one key for all of them, starting with its lead
	 * alert; each vacancy listed once, under the alert whose entry was recorded first,
	 * and the other alerts' entries of it carried too (SENT with it).
	 */
	@Test
	void anEmailOfSeveralAlertsListsEachVacancyOnceUnderTheAlertThatMatchedItFirst() {
		Delivery sharedByB = entry("b", "t:shared", DIGEST_DAY, "inbox/r1/a");
		Delivery sharedByA = entry("a", "t:shared", DIGEST_DAY, "inbox/r1/a");
		Delivery sharedFirstByA = new Delivery(sharedByA.id(), "a", sharedByA.item(), sharedByA.email(), "r1",
				DeliveryState.SENDING, sharedByA.vacancy(), null, NOW, 0, null, null, NOW.minusSeconds(5), NOW, null,
				null, null, null);
		List<ClaimedEmail> emails = ClaimedEmail.of(List.of(sharedByB, entry("b", "t:own", DIGEST_DAY, "inbox/r1/a"),
				sharedFirstByA, entry("c", "t:other", DIGEST_DAY, "email/r1")));

		assertThat(emails).extracting(ClaimedEmail::key).containsExactly("a/inbox/r1", "c/email/r1");
		ClaimedEmail.Contents contents = emails.get(0).contents(Set.of(), DIGEST_DAY);
		assertThat(contents.sections().keySet()).containsExactly("a", "b");
		assertThat(contents.sections().get("a")).extracting(MatchedVacancy::vacancyId).containsExactly("t:shared");
		assertThat(contents.sections().get("b")).extracting(MatchedVacancy::vacancyId).containsExactly("t:own");
		assertThat(contents.listed()).containsExactlyInAnyOrder("a/t:shared", "b/t:shared", "b/t:own");
	}

	private static Delivery entry(String alertId, String vacancyId, LocalDate closingDate, @Nullable String email) {
		MatchedVacancy vacancy = new MatchedVacancy(vacancyId, 1, "Vacancy " + vacancyId, "Leeds Teaching Hospitals",
				Band.BAND_4, null, null, null, null, null, List.of(), "Leeds", null, null, closingDate.minusDays(10),
				closingDate, "https://jobs.example.nhs.uk/" + vacancyId);
		return new Delivery(DeliveryLedger.idOf(alertId, vacancyId), alertId, vacancyId,
				(email != null) ? email : "email/r1", "r1", DeliveryState.SENDING, vacancy, null, NOW, 0, null, null,
				NOW, NOW, null, null, null, null);
	}

}
