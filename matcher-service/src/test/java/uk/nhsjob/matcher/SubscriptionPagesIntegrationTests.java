package uk.nhsjob.matcher;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.today;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** The subscription page as a browser without JavaScript uses it: plain form posts. */
@MatcherIntegrationTest
class SubscriptionPagesIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	MeterRegistry meters;

	@Test
	void showsTheFormWithTheRolesInGroups() {
		assertThat(this.world.page("/")).contains("<h1>Set up a job alert</h1>")
			.contains("Any medical secretary role")
			.contains("Medical secretary roles")
			.contains("Management roles")
			.contains("Front desk")
			.contains("<label class=\"label\" for=\"postcode\">Postcode</label>")
			.contains("Show matching jobs")
			.contains("Create alert");
	}

	@Test
	void createsTheAlertJustAsTheApiDoes() {
		String email = uniqueEmail();

		postForm("/",
				"email=" + email.toUpperCase() + "&anySecretaryRole=true&roles=PRACTICE_MANAGER&postcode=ls62ab"
						+ "&radiusMiles=5&bandMin=BAND_3&bandMax=BAND_5&minSalary=25%2C000&keywords=audio+typing"
						+ "&frequency=DAILY")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<h1>Check your email</h1>")
				.contains(email.toUpperCase())
				.contains("Within 5 miles of LS6 2AB")
				.contains("Band 3 to 5")
				.contains("£25,000 a year, full time")
				.contains("Once a day, at 7am"));

		// the same alert through the API is the pending one again: its confirmation is
		// asked for again
		String alertId = this.world.http()
			.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"email": "%s", "frequency": "DAILY", "criteria": {"roles": %s, "postcode": "LS6 2AB",
					 "radiusMiles": 5, "bandMin": "3", "bandMax": "5", "minSalary": 25000, "keywords": "audio typing"}}"""
				.formatted(email, secretaryRolesAnd("PRACTICE_MANAGER")))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("alertId")
			.asString();
		JsonNode first = this.world.profiles()
			.await(alertId, (profile) -> profile.path("confirmationRequest").asInt() == 1);
		assertThat(first.path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		assertThat(first.path("email").asString()).isEqualTo(email);
		assertThat(first.path("frequency").asString()).isEqualTo("DAILY");
		this.world.profiles().await(alertId, (profile) -> profile.path("confirmationRequest").asInt() == 2);
	}

	@Test
	void showsEveryProblemLinkedToItsFieldAndKeepsWhatWasTyped() {
		postForm("/",
				"email=not-an-address&postcode=NOPE&radiusMiles=ten&bandMin=BAND_5&bandMax=BAND_3"
						+ "&keywords=audio+%22typing%22")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<title>Error: Set up a job alert")
				.contains("There is a problem")
				.containsSubsequence("<a href=\"#postcode\">", "<a href=\"#radiusMiles\">", "<a href=\"#bandMax\">",
						"<a href=\"#email\">", "<a href=\"#frequency\">")
				.contains("<a href=\"#email\">Enter an email address in the correct format, like name@example.com</a>")
				.containsPattern("id=\"postcode\"[^>]*value=\"NOPE\"")
				.containsPattern("id=\"postcode\"[^>]*aria-describedby=\"postcode-hint postcode-error\"")
				.contains("id=\"postcode-error\"")
				.contains("value=\"audio &quot;typing&quot;\"")
				.doesNotContain("Check your email"));
	}

	@Test
	void showsTheMatchingJobsWithoutJavaScript() {
		String word = uniqueWord();
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-older").title("Older " + word)
					.description(word)
					.postedAt(today().minusDays(3))
					.build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-newer").title("Newer " + word)
					.role(Role.GP_PRACTICE_SECRETARY)
					.description(word)
					.postedAt(today().minusDays(1))
					.build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-coder").title("Coder " + word)
					.role(Role.CLINICAL_CODER)
					.description(word)
					.build()));

		postForm("/preview", "keywords=" + word + "&frequency=INSTANT").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).containsPattern("id=\"preview-count\">3<"));
		postForm("/preview", "anySecretaryRole=true&keywords=" + word + "&email=sam%40example.org").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).containsPattern("id=\"preview-count\">2<")
				.containsSubsequence("Newer " + word, "Older " + word)
				.doesNotContain("Coder " + word)
				.contains("value=\"sam@example.org\"")
				.doesNotContain("There is a problem"));
	}

	/**
	 * The page asks the preview in process: a request to its own API would hold a second
	 * request thread for as long as the first waits.
	 */
	@Test
	void previewsWithoutJavaScriptInProcessNotThroughItsOwnApi() {
		String word = uniqueWord();
		this.world.feed()
			.awaitMatcherRead(this.world.feed().publish(vacancy("test-trust:" + word).description(word).build()));
		double before = previewApiRequests();
		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Candidates.keywordCriteria(word))
			.exchange()
			.expectStatus()
			.isOk();
		// counted once the answer is sent, so perhaps a moment after the client has it
		await().until(() -> previewApiRequests() == before + 1);

		postForm("/preview", "keywords=" + word + "&frequency=INSTANT").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).containsPattern("id=\"preview-count\">1<"));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> previewApiRequests() == before + 1);
	}

	/**
	 * The requests that reached the preview API, as the service's own metrics count them.
	 */
	private double previewApiRequests() {
		return this.meters.find("http.server.requests")
			.tag("uri", "/api/v1/alerts/preview")
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.count())
			.sum();
	}

	private static String secretaryRolesAnd(String role) {
		return java.util.stream.Stream
			.concat(java.util.Arrays.stream(Role.values()).filter((each) -> each.group() == Role.RoleGroup.SECRETARY),
					java.util.stream.Stream.of(Role.valueOf(role)))
			.map((each) -> "\"" + each.name() + "\"")
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

	private RestTestClient.ResponseSpec postForm(String path, String form) {
		return this.world.http()
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

}
