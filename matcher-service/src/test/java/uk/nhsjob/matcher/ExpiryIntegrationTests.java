package uk.nhsjob.matcher;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.manageToken;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Unconfirmed alerts expire with their confirmation link, 7 days on: the clock is moved.
 */
@MatcherIntegrationTest
class ExpiryIntegrationTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private TestClock clock;

	private Candidates candidates;

	private TopicReader profiles;

	@BeforeEach
	void connect() {
		this.candidates = new Candidates(this.http);
		this.profiles = Candidates.profiles();
	}

	@AfterEach
	void disconnect() {
		this.clock.reset();
		this.profiles.close();
	}

	@Test
	void anAlertUnconfirmedForSevenDaysExpiresAndItsConfirmationLinkStopsWorking() {
		String email = uniqueEmail();
		String alertId = this.candidates.createAlert(email, "{}");
		String confirm = tokenOf(this.profiles.await(alertId, (profile) -> true).path("confirmUrl").asString());
		String manage = manageToken(this.profiles, alertId);

		this.clock.moveForward(Duration.ofDays(6));
		this.http.get().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isOk();
		assertThat(this.candidates.status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");

		this.clock.moveForward(Duration.ofDays(1).plusMinutes(1));
		this.profiles.await(alertId, (profile) -> profile.path("status").asString().equals("EXPIRED"));
		assertThat(this.candidates.status(alertId, manage)).isEqualTo("EXPIRED");
		this.http.get().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isNotFound();
		this.http.post().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isNotFound();

		// an expired alert gives its place back: the same alert again is a new one
		String again = this.candidates.createAlert(email, "{}");
		assertThat(again).isNotEqualTo(alertId);
	}

	@Test
	void askingForTheConfirmationAgainPutsTheExpiryBack() {
		String email = uniqueEmail();
		String alertId = this.candidates.createAlert(email, "{}");
		String manage = manageToken(this.profiles, alertId);
		this.clock.moveForward(Duration.ofDays(5));
		this.candidates.createAlert(email, "{}");
		this.profiles.await(alertId, (profile) -> profile.path("confirmationRequest").asInt() == 2);

		this.clock.moveForward(Duration.ofDays(3));
		String confirm = tokenOf(this.profiles.values(alertId).get(1).path("confirmUrl").asString());
		this.candidates.confirm(confirm);
		assertThat(this.candidates.status(alertId, manage)).isEqualTo("ACTIVE");
	}

}
