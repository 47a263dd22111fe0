package uk.nhsjob.matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;

/** The manage link's pages: forms that post back with the token. */
@MatcherIntegrationTest
class ManagePagesIntegrationTests {

	@Autowired
	private RestTestClient http;

	private Candidates candidates;

	private TopicReader profiles;

	private TopicReader matches;

	@BeforeEach
	void connect() {
		this.candidates = new Candidates(this.http);
		this.profiles = Candidates.profiles();
		this.matches = Candidates.matches();
	}

	@AfterEach
	void disconnect() {
		this.profiles.close();
		this.matches.close();
	}

	@Test
	void showsTheAlertWithEverythingEscaped() {
		String alertId = this.candidates.createAlert(uniqueEmail(), """
				{"keywords": "<script>alert(1)</script> \\"typing\\"", "specialties": ["CARDIOLOGY"]}""");

		this.http.get()
			.uri("/alerts/manage?token={token}", manageToken(this.profiles, alertId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Manage your job alert")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;typing&quot;")
				.doesNotContain("<script>")
				.containsPattern("value=\"CARDIOLOGY\"\\s+checked")
				.contains("Erase everything about me"));
	}

	@Test
	void savesTheCriteriaAndFrequencyFromTheForm() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String manage = manageToken(this.profiles, alertId);

		postForm("/alerts/manage", manage,
				"roles=MEDICAL_SECRETARY&roles=CLINICAL_CODER&bandMin=BAND_3&bandMax=&postcode=ls62ab&radiusMiles=5"
						+ "&minSalary=&keywords=&frequency=WEEKLY")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your alert is saved."));

		JsonNode edited = this.profiles.await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(edited.path("criteriaDescription").asString())
			.isEqualTo("medical secretary or clinical coder jobs within 5 miles of LS6 2AB");
		assertThat(edited.path("frequency").asString()).isEqualTo("WEEKLY");
	}

	@Test
	void showsWhatIsWrongWithTheFormAndSavesNothing() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String manage = manageToken(this.profiles, alertId);

		postForm("/alerts/manage", manage, "postcode=NOPE&radiusMiles=500&frequency=DAILY").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("There is a problem")
				.contains("<a href=\"#postcode\">Enter a real UK postcode")
				.contains("<a href=\"#radiusMiles\">Enter a distance from 1 to 100 miles</a>")
				.containsPattern("id=\"postcode\"[^>]*value=\"NOPE\""));

		this.http.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectBody()
			.jsonPath("$.frequency")
			.isEqualTo("INSTANT");
	}

	@Test
	void pausesAndResumesFromThePage() {
		String alertId = this.candidates.createConfirmedAlert(uniqueEmail(), """
				{"keywords": "%s"}""".formatted(uniqueWord()), this.profiles, this.matches);
		String manage = manageToken(this.profiles, alertId);

		postForm("/alerts/manage/pause", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your alert is paused.").contains("Resume this alert"));
		this.profiles.await(alertId, (profile) -> profile.path("status").asString().equals("PAUSED"));

		postForm("/alerts/manage/resume", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Pause this alert"));
		this.profiles.await(alertId, (profile) -> profile.path("status").asString().equals("ACTIVE")
				&& profile.path("revision").asLong() == 4);
	}

	@Test
	void deletesTheAlertFromThePage() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String manage = manageToken(this.profiles, alertId);

		postForm("/alerts/manage/delete", manage, "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This alert is deleted."));

		this.profiles.awaitTombstone(alertId);
		this.http.get().uri("/alerts/manage?token={token}", manage).exchange().expectStatus().isNotFound();
	}

	@Test
	void asksToBeSureBeforeErasingAndChangesNothingUntilThen() {
		String email = uniqueEmail();
		String alertId = this.candidates.createAlert(email, "{}");
		String manage = manageToken(this.profiles, alertId);

		this.http.get()
			.uri("/alerts/manage/erase?token={token}", manage)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Delete everything we hold about you?")
				.contains(email)
				.contains("Yes, delete everything"));

		assertThat(this.candidates.status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void erasesEverythingAboutTheAddressFromThePage() {
		String email = uniqueEmail();
		String one = this.candidates.createAlert(email, "{}");
		String other = this.candidates.createAlert(email, "{\"postcode\": \"LS6\"}");

		postForm("/alerts/manage/erase", manageToken(this.profiles, one), "").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Every alert of your address is deleted"));

		this.profiles.awaitTombstone(one);
		this.profiles.awaitTombstone(other);
		this.http.get()
			.uri("/alerts/manage?token={token}", manageToken(this.profiles, other))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aLinkOfAnotherPurposeDoesNotOpenTheManagePage() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String unsubscribe = Candidates.unsubscribeToken(this.profiles, alertId);
		this.http.get()
			.uri("/alerts/manage?token={token}", unsubscribe)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This link does not work"));
		postForm("/alerts/manage/delete", unsubscribe, "").expectStatus().isNotFound();
		assertThat(this.candidates.status(alertId, manageToken(this.profiles, alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	private RestTestClient.ResponseSpec postForm(String path, String token, String form) {
		return this.http.post()
			.uri(path + "?token={token}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

}
