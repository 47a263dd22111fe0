package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Unconfirmed alerts expire with their confirmation link, 7 days on, and stopped alerts
 * are erased 30 days after they stopped: the clock is moved.
 */
@MatcherIntegrationTest
class ExpiryIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MovableClock clock;

	@Autowired
	private MongoOperations mongo;

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
		// the confirmation email's "this wasn't me" link outlives its confirm link
		String notMe = tokenOf(this.world.profiles().values(alertId).get(0).path("notMeUrl").asString());
		this.world.http().get().uri("/alerts/not-me?token={token}", notMe).exchange().expectStatus().isOk();

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
	void anAlertStoppedForTheRetentionPeriodIsErasedAndNoneBefore() {
		String email = uniqueEmail();
		String live = this.world.createConfirmedAlert(email, "{\"postcode\": \"LS7\"}");
		String unsubscribed = this.world.candidates().createAlert(email, "{}");
		String stoppedUnrecorded = this.world.candidates().createAlert(email, "{\"postcode\": \"LS6\"}");
		for (String alertId : new String[] { unsubscribed, stoppedUnrecorded }) {
			this.world.http()
				.post()
				.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(alertId))
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.clock.advance(Duration.ofDays(29));
		// as if it had stopped before stopping times were recorded: it counts from the
		// sweep that first sees it
		this.mongo.updateFirst(Query.query(where("_id").is(stoppedUnrecorded)), new Update().unset("stoppedAt"),
				"alerts");
		await().until(() -> this.mongo.exists(Query.query(where("_id").is(stoppedUnrecorded).and("stoppedAt").ne(null)),
				"alerts"));
		assertThat(this.world.candidates().status(unsubscribed, this.world.manageToken(unsubscribed)))
			.isEqualTo("UNSUBSCRIBED");

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.world.profiles().awaitTombstone(unsubscribed);
		await().untilAsserted(
				() -> assertThat(this.mongo.exists(Query.query(where("_id").is(unsubscribed)), "alerts")).isFalse());
		assertThat(this.world.candidates().status(stoppedUnrecorded, this.world.manageToken(stoppedUnrecorded)))
			.isEqualTo("UNSUBSCRIBED");
		assertThat(this.world.candidates().status(live, this.world.manageToken(live))).isEqualTo("ACTIVE");
		assertThat(this.mongo.exists(Query.query(where("_id").is(email)), "addresses")).isTrue();
	}

	@Test
	void anAddressLeftWithoutAnyAlertIsForgottenOnceQuietForAnHour() {
		String orphan = uniqueEmail();
		// as a creation refused after the address's record was written leaves it
		this.mongo.insert(new Document("_id", orphan).append("confirmedAlerts", 0)
			.append("confirmationsAskedAt", List.of(Date.from(this.clock.instant())))
			.append("revision", 1L), "addresses");
		String stopped = uniqueEmail();
		String alertId = this.world.candidates().createAlert(stopped, "{}");
		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(alertId))
			.exchange()
			.expectStatus()
			.isOk();

		await().during(Duration.ofSeconds(2)).until(() -> this.mongo.exists(byId(orphan), "addresses"));

		this.clock.advance(Duration.ofMinutes(61));
		await().until(() -> !this.mongo.exists(byId(orphan), "addresses"));
		assertThat(this.mongo.exists(byId(stopped), "addresses")).as("an address with a stopped alert").isTrue();
	}

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

	private static Query byId(String id) {
		return Query.query(where("_id").is(id));
	}

}
