package uk.nhsjob.matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.unsubscribeToken;

/** RFC 8058 one-click unsubscribe, and the page behind the link. */
@MatcherIntegrationTest
class UnsubscribeIntegrationTests {

	@Autowired
	private RestTestClient http;

	private Candidates candidates;

	private TopicReader profiles;

	@BeforeEach
	void connect() {
		this.candidates = new Candidates(this.http);
		this.profiles = Candidates.profiles();
	}

	@AfterEach
	void disconnect() {
		this.profiles.close();
	}

	@Test
	void unsubscribesWithOneClickFromAFormPost() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");

		this.http.post()
			.uri("/alerts/unsubscribe?token={token}", unsubscribeToken(this.profiles, alertId))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Location")
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("You are unsubscribed"));

		assertUnsubscribed(alertId);
	}

	@Test
	void unsubscribesWithOneClickFromAMultipartPost() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("List-Unsubscribe", "One-Click");

		this.http.post()
			.uri("/alerts/unsubscribe?token={token}", unsubscribeToken(this.profiles, alertId))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Location");

		assertUnsubscribed(alertId);
	}

	@Test
	void openingTheUnsubscribeLinkShowsAButtonAndChangesNothing() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String token = unsubscribeToken(this.profiles, alertId);

		this.http.get()
			.uri("/alerts/unsubscribe?token={token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<form method=\"post\"")
				.contains("name=\"List-Unsubscribe\" value=\"One-Click\""));

		assertThat(this.candidates.status(alertId, manageToken(this.profiles, alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void unsubscribingTwiceChangesNothingMore() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String token = unsubscribeToken(this.profiles, alertId);
		for (int i = 0; i < 2; i++) {
			this.http.post().uri("/alerts/unsubscribe?token={token}", token).exchange().expectStatus().isOk();
		}
		assertUnsubscribed(alertId);
		this.http.get()
			.uri("/alerts/unsubscribe?token={token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("already unsubscribed"));
		assertThat(this.profiles.catchUp().values(alertId)).hasSize(2);
	}

	@Test
	void aLinkOfAnotherPurposeOrAForgedOneDoesNotUnsubscribe() {
		String alertId = this.candidates.createAlert(uniqueEmail(), "{}");
		String manage = manageToken(this.profiles, alertId);
		String confirm = Candidates.tokenOf(this.profiles.await(alertId, (p) -> true).path("confirmUrl").asString());
		for (String token : new String[] { manage, confirm, unsubscribeToken(this.profiles, alertId) + "x", "" }) {
			this.http.post()
				.uri("/alerts/unsubscribe?token={token}", token)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(String.class)
				.value((page) -> assertThat(page).contains("This link does not work"));
		}
		assertThat(this.candidates.status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");
	}

	private void assertUnsubscribed(String alertId) {
		JsonNode profile = this.profiles.await(alertId,
				(record) -> record.path("status").asString().equals("UNSUBSCRIBED"));
		assertThat(profile.path("revision").asLong()).isEqualTo(2);
		assertThat(this.candidates.status(alertId, manageToken(this.profiles, alertId))).isEqualTo("UNSUBSCRIBED");
	}

}
