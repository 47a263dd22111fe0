package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.kafka.TopicReader;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.AddressQuotaIntegrationTests.addressKey;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Manage by email (docs/alerts.md, "Manage by email"): the link to every alert of an
 * address, asked for on the API or the page, sent as a notice on the notices topic, and
 * the page it opens.
 */
@MatcherIntegrationTest
class ManageByEmailIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private MovableClock clock;

	@Autowired
	private MongoOperations mongo;

	@Autowired
	private RequestThreadCommands commands;

	@AfterEach
	void putTheClockBack() {
		ServiceClock.LONDON.reset();
	}

	@Test
	void theLinkListsEveryAlertOfTheAddressAndErasesThemAll() {
		String email = uniqueEmail();
		String pending = this.world.candidates().createAlert(email, "{\"keywords\": \"audio typing\"}");
		String active = this.world.createConfirmedAlert(email, "{\"postcode\": \"LS6\", \"radiusMiles\": 5}");

		askForTheLink(email);
		String url = awaitNotice(email, "MANAGE_LINK").path("url").asString();
		assertThat(url).startsWith("http://localhost:8082/alerts/mine?token=").doesNotContain(email);

		String page = this.world.http()
			.get()
			.uri("/alerts/mine?token={token}", tokenOf(url))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.returnResult(String.class)
			.getResponseBody();
		assertThat(page).contains(email)
			.contains("Waiting for you to confirm")
			.contains("Active")
			.contains("audio typing")
			.contains("within 5 miles of LS6")
			.contains(this.world.profiles().await(pending, (profile) -> true).path("manageUrl").asString())
			.contains(this.world.profiles().await(active, (profile) -> true).path("manageUrl").asString());

		String gone = this.world.http()
			.post()
			.uri("/alerts/mine/erase?token={token}", tokenOf(url))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(gone).contains("Every alert of your address is deleted");
		this.world.profiles().awaitTombstone(pending);
		this.world.profiles().awaitTombstone(active);
		this.world.http()
			.get()
			.uri("/alerts/mine?token={token}", tokenOf(url))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((notFound) -> assertThat(notFound).contains("This link does not work"));
	}

	/**
	 * An address we do not know is answered as one we do, after the same requests to
	 * MongoDB, and nothing about it is kept.
	 */
	@Test
	void anUnknownAddressIsAnsweredAlikeAndLeavesNothingBehind() {
		String known = uniqueEmail();
		this.world.candidates().createAlert(known, "{}");
		String unknown = uniqueEmail();
		askForTheLink(uniqueEmail());

		List<String> forKnown = this.commands.during(() -> askForTheLink(known));
		List<String> forUnknown = this.commands.during(() -> askForTheLink(unknown));

		assertThat(forKnown).isNotEmpty().isEqualTo(forUnknown);
		awaitNotice(known, "MANAGE_LINK");
		await().untilAsserted(() -> {
			assertThat(this.mongo.exists(Query.query(where("email").is(unknown)), "addressRequests")).isFalse();
			assertThat(this.mongo.exists(Query.query(where("_id").is(unknown)), "addresses")).isFalse();
		});
	}

	/**
	 * Over the address's five emails an hour the answer is the same, without an email.
	 */
	@Test
	void overTheAddressLimitTheAnswerIsTheSameWithoutAnEmail() {
		String email = uniqueEmail();
		this.world.candidates().createAlert(email, "{}");
		for (int asked = 1; asked <= 6; asked++) {
			askForTheLink(email);
		}
		await().until(() -> !this.mongo.exists(Query.query(where("email").is(email)), "addressRequests"));
		try (TopicReader notices = new TopicReader(Topics.NOTICES)) {
			notices.await(addressKey(email), (notice) -> true);
			// the outbox relay may send a notice a second time: the same event
			assertThat(notices.catchUpToEnd()
				.values(addressKey(email))
				.stream()
				.map((notice) -> notice.path("eventId").asString())
				.distinct()).as("the alert's confirmation took one of the hour's five emails").hasSize(4);
		}
	}

	@Test
	void theFindPageAsksForTheLinkWithoutJavaScript() {
		String email = uniqueEmail();
		this.world.candidates().createAlert(email, "{}");
		assertThat(this.world.page("/alerts/find")).contains("Find your job alerts")
			.contains("method=\"post\"")
			.contains("action=\"/alerts/find\"");

		assertThat(postFind("not an address")).contains("There is a problem")
			.contains("Enter an email address in the correct format");
		assertThat(postFind(email)).contains("Check your email");
		awaitNotice(email, "MANAGE_LINK");
	}

	@Test
	void aWrongOrExpiredLinkOpensTheSameNotFoundPage() {
		String email = uniqueEmail();
		this.world.candidates().createAlert(email, "{}");
		askForTheLink(email);
		String token = tokenOf(awaitNotice(email, "MANAGE_LINK").path("url").asString());

		List<String> wrong = new ArrayList<>(List.of(token.substring(0, token.length() - 2) + "AA",
				this.world.manageToken(this.world.candidates().createAlert(email, "{\"keywords\": \"x\"}"))));
		for (String notOpening : wrong) {
			this.world.http()
				.get()
				.uri("/alerts/mine?token={token}", notOpening)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.clock.advance(Duration.ofDays(7));
		this.world.http()
			.get()
			.uri("/alerts/mine?token={token}", token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This link does not work"));
	}

	private void askForTheLink(String email) {
		this.world.http()
			.post()
			.uri("/api/v1/candidates/manage-link")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"" + email + "\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	private String postFind(String email) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("email", email);
		return this.world.http()
			.post()
			.uri("/alerts/find")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	private static JsonNode awaitNotice(String email, String kind) {
		try (TopicReader notices = new TopicReader(Topics.NOTICES)) {
			JsonNode notice = notices.await(addressKey(email), (record) -> record.path("kind").asString().equals(kind));
			assertThat(notice.path("email").asString()).isEqualTo(email);
			assertThat(notice.path("schemaVersion").asInt()).isEqualTo(1);
			return notice;
		}
	}

}
