package uk.nhsjob.matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;

/** The manage link's pages: forms that post back with the token. */
@MatcherIntegrationTest
class ManagePagesIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void showsTheAlertWithEverythingEscaped() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), """
				{"keywords": "<script>alert(1)</script> \\"typing\\"", "specialties": ["CARDIOLOGY"]}""");

		assertThat(this.world.page("/alerts/manage?token={token}", this.world.manageToken(alertId)))
			.contains("Manage your job alert")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;typing&quot;")
			.doesNotContain("<script>")
			.containsPattern("value=\"CARDIOLOGY\"\\s+checked")
			.contains("Erase everything about me");
	}

	@Test
	void savesTheCriteriaAndFrequencyFromTheForm() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);

		postForm("/alerts/manage", manage,
				"roles=MEDICAL_SECRETARY&roles=CLINICAL_CODER&bandMin=BAND_3&bandMax=&postcode=ls62ab&radiusMiles=5"
						+ "&minSalary=&keywords=&frequency=WEEKLY")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your alert is saved."));

		JsonNode edited = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(edited.path("criteriaDescription").asString())
			.isEqualTo("medical secretary or clinical coder jobs within 5 miles of LS6 2AB");
		assertThat(edited.path("frequency").asString()).isEqualTo("WEEKLY");
	}

	@Test
	void turnsClosingSoonRemindersOffAndOnWithTheCheckbox() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);
		assertThat(this.world.page("/alerts/manage?token={token}", manage))
			.containsPattern("id=\"closingSoon\"[^>]*checked")
			.contains("<label for=\"closingSoon\">Remind me of jobs closing soon</label>");

		postForm("/alerts/manage", manage, "frequency=DAILY").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your alert is saved.")
				.doesNotContainPattern("id=\"closingSoon\"[^>]*checked"));
		JsonNode off = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(off.path("closingSoon").asBoolean(true)).isFalse();

		postForm("/alerts/manage", manage, "frequency=DAILY&closingSoon=true").expectStatus().isOk();
		JsonNode on = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 3);
		assertThat(on.path("closingSoon").asBoolean(false)).isTrue();
		assertThat(this.world.page("/alerts/manage?token={token}", manage))
			.containsPattern("id=\"closingSoon\"[^>]*checked");
	}

	@Test
	void showsWhatIsWrongWithTheFormAndSavesNothing() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);

		postForm("/alerts/manage", manage, "postcode=NOPE&radiusMiles=500&frequency=DAILY").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("There is a problem")
				.contains("<a href=\"#postcode\">Enter a real UK postcode")
				.contains("<a href=\"#radiusMiles\">Enter a distance from 1 to 100 miles</a>")
				.containsPattern("id=\"postcode\"[^>]*value=\"NOPE\""));

		this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectBody()
			.jsonPath("$.frequency")
			.isEqualTo("INSTANT");
	}

	@Test
	void pausesAndResumesFromThePage() {
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(uniqueWord()));
		String manage = this.world.manageToken(alertId);

		postForm("/alerts/manage/pause", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your alert is paused.").contains("Resume this alert"));
		this.world.profiles().await(alertId, (profile) -> profile.path("status").asString().equals("PAUSED"));

		postForm("/alerts/manage/resume", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Pause this alert"));
		this.world.profiles()
			.await(alertId, (profile) -> profile.path("status").asString().equals("ACTIVE")
					&& profile.path("revision").asLong() == 4);
	}

	@Test
	void deletesTheAlertFromThePage() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);

		postForm("/alerts/manage/delete", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This alert is deleted."));

		this.world.profiles().awaitTombstone(alertId);
		this.world.http().get().uri("/alerts/manage?token={token}", manage).exchange().expectStatus().isNotFound();
	}

	@Test
	void asksToBeSureBeforeErasingAndChangesNothingUntilThen() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email, "{}");
		String manage = this.world.manageToken(alertId);

		this.world.http()
			.get()
			.uri("/alerts/manage/erase?token={token}", manage)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Delete everything we hold about you?")
				.contains(email)
				.contains("Yes, delete everything"));

		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void erasesEverythingAboutTheAddressFromThePage() {
		String email = uniqueEmail();
		String one = this.world.candidates().createAlert(email, "{}");
		String other = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\"}");

		postForm("/alerts/manage/erase", this.world.manageToken(one), "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Every alert of your address is deleted"));

		this.world.profiles().awaitTombstone(one);
		this.world.profiles().awaitTombstone(other);
		this.world.http()
			.get()
			.uri("/alerts/manage?token={token}", this.world.manageToken(other))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aLinkOfAnotherPurposeDoesNotOpenTheManagePage() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String unsubscribe = Candidates.unsubscribeToken(this.world.profiles(), alertId);
		this.world.http()
			.get()
			.uri("/alerts/manage?token={token}", unsubscribe)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This link does not work"));
		postForm("/alerts/manage/delete", unsubscribe, "").expectStatus().isNotFound();
		assertThat(this.world.candidates().status(alertId, this.world.manageToken(alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	private RestTestClient.ResponseSpec postForm(String path, String token, String form) {
		return this.world.http()
			.post()
			.uri(path + "?token={token}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

}
