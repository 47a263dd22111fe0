package uk.nhsjob.matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/** RFC 8058 one-click unsubscribe, and the page behind the link. */
@MatcherIntegrationTest
class UnsubscribeIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void unsubscribesWithOneClickFromAFormPost() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");

		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(alertId))
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
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("List-Unsubscribe", "One-Click");

		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(alertId))
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
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String token = this.world.unsubscribeToken(alertId);

		assertThat(this.world.page("/alerts/unsubscribe?token={token}", token)).contains("<form method=\"post\"")
			.contains("name=\"List-Unsubscribe\" value=\"One-Click\"");

		assertThat(this.world.candidates().status(alertId, this.world.manageToken(alertId)))
			.isEqualTo("PENDING_CONFIRMATION");
	}

	@Test
	void unsubscribingTwiceChangesNothingMore() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String token = this.world.unsubscribeToken(alertId);
		for (int i = 0; i < 2; i++) {
			this.world.http().post().uri("/alerts/unsubscribe?token={token}", token).exchange().expectStatus().isOk();
		}
		assertUnsubscribed(alertId);
		this.world.http()
			.get()
			.uri("/alerts/unsubscribe?token={token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("already unsubscribed"));
		assertThat(this.world.profiles().catchUp().values(alertId)).hasSize(2);
	}

	@Test
	void aLinkOfAnotherPurposeOrAForgedOneDoesNotUnsubscribe() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);
		String confirm = Candidates
			.tokenOf(this.world.profiles().await(alertId, (p) -> true).path("confirmUrl").asString());
		for (String token : new String[] { manage, confirm, this.world.unsubscribeToken(alertId) + "x", "" }) {
			this.world.http()
				.post()
				.uri("/alerts/unsubscribe?token={token}", token)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(String.class)
				.value((page) -> assertThat(page).contains("This link does not work"));
		}
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");
	}

	private void assertUnsubscribed(String alertId) {
		JsonNode profile = this.world.profiles()
			.await(alertId, (record) -> record.path("status").asString().equals("UNSUBSCRIBED"));
		assertThat(profile.path("revision").asLong()).isEqualTo(2);
		assertThat(this.world.candidates().status(alertId, this.world.manageToken(alertId))).isEqualTo("UNSUBSCRIBED");
	}

}
