package uk.nhsjob.matcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.kafka.TopicReader;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * The quota an attacker cannot fill (docs/alerts.md, "How many alerts"): only confirmed
 * alerts count toward an address's ten, the oldest pending alert gives way beyond ten,
 * confirming an eleventh is refused, and the answer to a new alert is the same whatever
 * the address holds.
 */
@MatcherIntegrationTest
class AddressQuotaIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MovableClock clock;

	@Autowired
	private RequestThreadCommands commands;

	@Autowired
	private MongoOperations mongo;

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	/**
	 * Ten pending alerts posted for someone else's address hold nothing: the owner's own
	 * alert is stored, and confirmed once the hour's confirmation emails have passed.
	 */
	@Test
	void tenPendingAlertsForSomeoneElsesAddressDoNotKeepItsOwnerOut() {
		String victim = uniqueEmail();
		List<String> attackers = new ArrayList<>();
		for (int radius = 1; radius <= 10; radius++) {
			attackers.add(post(victim, radiusCriteria(radius)));
		}
		attackers.forEach(this::awaitProfile);

		String own = post(victim, "{\"keywords\": \"audio typing\"}");
		assertThat(awaitProfile(own).path("confirmationRequest").asInt())
			.as("the hour's five confirmation emails went to the attacker's alerts")
			.isZero();
		this.world.profiles().await(attackers.get(0), (profile) -> status(profile).equals("EXPIRED"));
		TopicReader profiles = this.world.profiles().catchUpToEnd();
		assertThat(attackers).filteredOn(
				(alertId) -> profiles.values(alertId).stream().anyMatch((profile) -> status(profile).equals("EXPIRED")))
			.hasSize(1);

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(post(victim, "{\"keywords\": \"audio typing\"}")).isEqualTo(own);
		JsonNode asked = this.world.profiles()
			.await(own, (profile) -> profile.path("confirmationRequest").asInt() == 1);
		this.world.candidates().confirm(tokenOf(asked.path("confirmUrl").asString()));
		this.world.profiles().await(own, (profile) -> status(profile).equals("ACTIVE"));
	}

	/**
	 * The address's alerts count only once confirmed: with ten, confirming another is
	 * refused with a page, until one of the ten goes.
	 */
	@Test
	void confirmingAnEleventhIsRefusedWithAPageUntilOneIsUnsubscribed() {
		String email = uniqueEmail();
		List<String> confirmed = confirmedAlerts(email, 9);
		String tenth = post(email, radiusCriteria(50));
		String eleventh = post(email, radiusCriteria(51));
		assertThat(confirm(confirmToken(tenth))).isEqualTo(200);

		EntityExchangeResult<String> refused = this.world.http()
			.post()
			.uri("/alerts/confirm?token={token}", confirmToken(eleventh))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.returnResult();
		assertThat(refused.getResponseBody()).contains("Delete an alert first");
		assertThat(latest(eleventh).path("status").asString()).isEqualTo("PENDING_CONFIRMATION");

		// an address document from before only confirmed alerts counted is counted afresh
		this.mongo.updateFirst(Query.query(where("_id").is(email)),
				new Update().unset("confirmedAlerts").set("liveAlerts", 3), "addresses");
		assertThat(confirm(confirmToken(eleventh))).isEqualTo(409);

		this.world.http()
			.post()
			.uri("/alerts/unsubscribe?token={token}", this.world.unsubscribeToken(confirmed.get(0)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(confirm(confirmToken(eleventh))).isEqualTo(200);
	}

	/** Confirmations at once on any request thread never pass the ten. */
	@Test
	void holdsTheLimitUnderConcurrentConfirmations() {
		String email = uniqueEmail();
		confirmedAlerts(email, 5);
		List<String> tokens = new ArrayList<>();
		for (int radius = 20; radius < 30; radius++) {
			tokens.add(confirmToken(post(email, radiusCriteria(radius))));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
		List<CompletableFuture<Integer>> answers = tokens.stream().map((token) -> CompletableFuture.supplyAsync(() -> {
			awaitQuietly(start);
			return confirm(token);
		}, threads)).toList();
		start.countDown();
		List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
		threads.shutdown();
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(5);
	}

	/**
	 * Counting 202s tells nothing: a new alert for an address with ten confirmed alerts
	 * is answered as one for an unknown address, after the same requests to MongoDB; only
	 * afterwards is the first told by email, and the second's alert stored.
	 */
	@Test
	void anAddressWithTenConfirmedAnswersAsAnUnknownOne() {
		String full = uniqueEmail();
		confirmedAlerts(full, 10);
		this.clock.advance(Duration.ofMinutes(61));
		String unknown = uniqueEmail();
		post(uniqueEmail(), radiusCriteria(3));

		List<String> answers = new ArrayList<>();
		List<String> forFull = this.commands.during(() -> answers.add(postForBody(full, radiusCriteria(70))));
		List<String> forUnknown = this.commands.during(() -> answers.add(postForBody(unknown, radiusCriteria(70))));

		assertThat(forFull).isNotEmpty().isEqualTo(forUnknown);
		assertThat(answers).allSatisfy((body) -> {
			JsonNode answer = JSON.readTree(body);
			assertThat(answer.propertyNames()).containsExactlyInAnyOrder("alertId", "status");
			assertThat(answer.path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		});
		awaitProfile(JSON.readTree(answers.get(1)).path("alertId").asString());
		try (TopicReader notices = new TopicReader(Topics.NOTICES)) {
			JsonNode notice = notices.await(addressKey(full), (record) -> true);
			assertThat(notice.path("kind").asString()).isEqualTo("ALERT_LIMIT_REACHED");
			assertThat(notice.path("email").asString()).isEqualTo(full);
			assertThat(notice.path("url").asString()).contains("/alerts/mine?token=");
			assertThat(notice.path("eventId").asString()).isNotEmpty();
		}
		assertThat(
				this.world.profiles().catchUpToEnd().values(JSON.readTree(answers.get(0)).path("alertId").asString()))
			.as("no alert is stored for the full address")
			.isEmpty();
	}

	/**
	 * A request answered by an instance that stopped before deciding it, or died holding
	 * its claim, is decided by the sweep once the claim has run out.
	 */
	@Test
	void aRequestLeftUndecidedIsDecidedByTheSweep() {
		String neverClaimed = UUID.randomUUID().toString();
		String claimRanOut = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.mongo.insert(undecided(neverClaimed, now, null), "addressRequests");
		this.mongo.insert(undecided(claimRanOut, now, now.minusSeconds(1)), "addressRequests");

		assertThat(status(awaitProfile(neverClaimed))).isEqualTo("PENDING_CONFIRMATION");
		assertThat(awaitProfile(claimRanOut).path("confirmationRequest").asInt()).isEqualTo(1);
		await().until(() -> !this.mongo.exists(Query.query(where("alertId").in(neverClaimed, claimRanOut)),
				"addressRequests"));
	}

	private static Document undecided(String alertId, Instant requestedAt, @Nullable Instant claimedUntil) {
		Document request = new Document("_id", UUID.randomUUID().toString()).append("kind", "NEW_ALERT")
			.append("email", uniqueEmail())
			.append("alertId", alertId)
			.append("frequency", "WEEKLY")
			.append("resend", false)
			.append("emailAllowed", true)
			.append("requestedAt", Date.from(requestedAt));
		return (claimedUntil != null) ? request.append("claimedUntil", Date.from(claimedUntil)) : request;
	}

	/** Pending alerts of the address, each confirmed through its link. */
	private List<String> confirmedAlerts(String email, int count) {
		List<String> alertIds = new ArrayList<>();
		for (int radius = 1; radius <= count; radius++) {
			String alertId = post(email, radiusCriteria(radius));
			assertThat(confirm(confirmToken(alertId))).isEqualTo(200);
			alertIds.add(alertId);
		}
		return alertIds;
	}

	private String post(String email, String criteria) {
		return JSON.readTree(postForBody(email, criteria)).path("alertId").asString();
	}

	private String postForBody(String email, String criteria) {
		return this.world.http()
			.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"email": "%s", "criteria": %s, "frequency": "DAILY"}""".formatted(email, criteria))
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseBody();
	}

	private int confirm(String token) {
		return this.world.http()
			.post()
			.uri("/alerts/confirm?token={token}", token)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private JsonNode awaitProfile(String alertId) {
		return this.world.profiles().await(alertId, (profile) -> true);
	}

	private String confirmToken(String alertId) {
		return tokenOf(awaitProfile(alertId).path("confirmUrl").asString());
	}

	private JsonNode latest(String alertId) {
		List<JsonNode> profiles = this.world.profiles().catchUpToEnd().values(alertId);
		return profiles.get(profiles.size() - 1);
	}

	private static String status(JsonNode profile) {
		return profile.path("status").asString();
	}

	private static String radiusCriteria(int radius) {
		return """
				{"postcode": "LS6", "radiusMiles": %d}""".formatted(radius);
	}

	/** The notices topic's key: HMAC-SHA256 of the address with the link secret. */
	static String addressKey(String email) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(LinkSecrets.CURRENT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
