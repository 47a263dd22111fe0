package uk.nhsjob.matcher;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Unconfirmed alerts expire with their confirmation link, 7 days on: the clock is moved.
 */
@MatcherIntegrationTest
class ExpiryIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MovableClock clock;

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	@Test
	void anAlertUnconfirmedForSevenDaysExpiresAndItsConfirmationLinkStopsWorking() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email, "{}");
		String confirm = tokenOf(this.world.profiles().await(alertId, (profile) -> true).path("confirmUrl").asString());
		String manage = this.world.manageToken(alertId);

		this.clock.advance(Duration.ofDays(6));
		this.world.http().get().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isOk();
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("PENDING_CONFIRMATION");

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.world.profiles().await(alertId, (profile) -> profile.path("status").asString().equals("EXPIRED"));
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("EXPIRED");
		this.world.http().get().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isNotFound();
		this.world.http().post().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isNotFound();

		// an expired alert gives its place back: the same alert again is a new one
		String again = this.world.candidates().createAlert(email, "{}");
		assertThat(again).isNotEqualTo(alertId);
	}

	/**
	 * Asking again sends the confirmation again, but never keeps a pending alert alive:
	 * it and its new link still expire 7 days after the first request (docs/alerts.md,
	 * "How many alerts").
	 */
	@Test
	void askingForTheConfirmationAgainKeepsTheFirstExpiry() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email, "{}");
		String manage = this.world.manageToken(alertId);
		this.clock.advance(Duration.ofDays(5));
		assertThat(this.world.candidates().createAlert(email, "{}")).isEqualTo(alertId);
		String confirm = tokenOf(this.world.profiles()
			.await(alertId, (profile) -> profile.path("confirmationRequest").asInt() == 2)
			.path("confirmUrl")
			.asString());

		this.clock.advance(Duration.ofDays(2).plusMinutes(1));
		this.world.profiles().await(alertId, (profile) -> profile.path("status").asString().equals("EXPIRED"));
		assertThat(this.world.candidates().status(alertId, manage)).isEqualTo("EXPIRED");
		this.world.http().get().uri("/alerts/confirm?token={token}", confirm).exchange().expectStatus().isNotFound();
	}

}
