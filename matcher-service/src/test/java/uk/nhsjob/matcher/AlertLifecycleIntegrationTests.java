package uk.nhsjob.matcher;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.expectedMatchId;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.tokenOf;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.today;
import static uk.nhsjob.matcher.Vacancies.vacancy;

@MatcherIntegrationTest
class AlertLifecycleIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void aNewAlertIsPublishedPendingWithItsLinks() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email.toUpperCase(), """
				{"roles": ["MEDICAL_SECRETARY"], "postcode": "ls62ab"}""");

		JsonNode profile = this.world.profiles().await(alertId, (record) -> true);
		assertThat(profile.path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		assertThat(profile.path("email").asString()).isEqualTo(email);
		assertThat(profile.path("revision").asLong()).isEqualTo(1);
		assertThat(profile.path("frequency").asString()).isEqualTo("INSTANT");
		assertThat(profile.path("criteriaDescription").asString())
			.isEqualTo("medical secretary jobs within 10 miles of LS6 2AB");
		assertThat(profile.path("confirmationRequest").asInt()).isEqualTo(1);
		assertThat(profile.path("confirmUrl").asString()).startsWith("http://localhost:8082/alerts/confirm?token=");
		assertThat(profile.path("manageUrl").asString()).startsWith("http://localhost:8082/alerts/manage?token=");
		assertThat(profile.path("unsubscribeUrl").asString())
			.startsWith("http://localhost:8082/alerts/unsubscribe?token=");
		assertThat(profile.path("eventId").asString()).isNotBlank();
		assertThat(profile.path("schemaVersion").asInt()).isEqualTo(2);
		assertThat(profile.path("criteria").path("postcode").asString()).isEqualTo("LS6 2AB");
	}

	@Test
	void postingAPendingAlertAgainAsksForItsConfirmationAgain() {
		String email = uniqueEmail();
		String criteria = """
				{"roles": ["CLINICAL_CODER", "MEDICAL_SECRETARY"], "keywords": "audio typing"}""";
		String alertId = this.world.candidates().createAlert(email, criteria);
		String again = this.world.candidates().createAlert(email, """
				{"roles": ["MEDICAL_SECRETARY", "CLINICAL_CODER"], "keywords": " audio typing "}""");

		assertThat(again).isEqualTo(alertId);
		JsonNode second = this.world.profiles()
			.await(alertId, (record) -> record.path("confirmationRequest").asInt() == 2);
		assertThat(second.path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		assertThat(second.path("revision").asLong()).isEqualTo(2);
	}

	@Test
	void confirmingThroughThePageActivatesTheAlertAndSendsItsWelcomeSet() {
		String word = uniqueWord();
		String older = "test-trust:" + word + "-older";
		String newer = "test-trust:" + word + "-newer";
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy(older).description("Needs " + word).postedAt(today().minusDays(3)).build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy(newer).description("Needs " + word).postedAt(today().minusDays(1)).build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-coder").role(Role.CLINICAL_CODER).description(word).build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-closed").closed().revision(2).description(word).build()));
		String alertId = this.world.candidates().createAlert(uniqueEmail(), """
				{"roles": ["MEDICAL_SECRETARY"], "keywords": "%s"}""".formatted(word));
		String token = tokenOf(this.world.profiles().await(alertId, (record) -> true).path("confirmUrl").asString());

		assertThat(this.world.page("/alerts/confirm?token={token}", token)).contains("<form method=\"post\"")
			.contains("Confirm my alert");
		this.world.candidates().confirm(token);

		JsonNode active = this.world.profiles()
			.await(alertId, (record) -> record.path("status").asString().equals("ACTIVE"));
		assertThat(active.path("revision").asLong()).isEqualTo(2);
		JsonNode welcome = this.world.matches()
			.await(alertId, (record) -> record.path("type").asString().equals("WelcomeSetMatched"));
		assertThat(welcome.path("totalMatching").asInt()).isEqualTo(2);
		assertThat(welcome.path("vacancies").valueStream().map((vacancy) -> vacancy.path("vacancyId").asString()))
			.containsExactly(newer, older);

		// a welcome-set vacancy counts as sent: its next revision is not sent again
		RecordMetadata revision = this.world.feed()
			.publish(vacancy(older).revision(2).description("Still " + word).build());
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), revision.partition());
		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, marker));
		this.world.matches().catchUpToEnd();
		assertThat(this.world.matches().values(alertId)).noneMatch((record) -> isVacancyMatched(record, older));
		assertThat(this.world.matches().values(alertId))
			.filteredOn((record) -> record.path("type").asString().equals("WelcomeSetMatched"))
			.hasSize(1);
	}

	@Test
	void aMatchingVacancyIsSentOnceWhateverItsRevisions() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), """
				{"postcode": "LS6 2AB", "radiusMiles": 10, "keywords": "%s"}""".formatted(word));
		String pendingId = this.world.candidates().createAlert(uniqueEmail(), keywordCriteria(word));

		String vacancyId = "test-trust:" + word;
		RecordMetadata first = this.world.feed()
			.publish(vacancy(vacancyId).description("Audio typing, " + word).build());
		JsonNode match = this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		assertThat(match.path("matchId").asString()).isEqualTo(expectedMatchId(alertId, vacancyId));
		assertThat(match.path("alertId").asString()).isEqualTo(alertId);
		assertThat(match.path("vacancy").path("revision").asLong()).isEqualTo(1);
		assertThat(match.path("vacancy").path("distanceMiles").asDouble()).isBetween(1.0, 1.3);
		assertThat(match.path("vacancy").path("title").asString()).isEqualTo("Medical Secretary");

		int partition = first.partition();
		this.world.feed()
			.publish(vacancy(vacancyId).revision(2).title("Senior Medical Secretary").description(word).build(),
					partition);
		String faraway = "test-trust:" + word + "-harrogate";
		this.world.feed()
			.publish(vacancy(faraway).at("HG1 1AA", 53.99357, -1.53768).description(word).build(), partition);
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), partition);
		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, marker));
		// the pending alert's key may sit on another partition than the marker's
		this.world.matches().catchUpToEnd();

		assertThat(this.world.matches().values(alertId)).filteredOn((record) -> isVacancyMatched(record, vacancyId))
			.hasSize(1);
		assertThat(this.world.matches().values(alertId)).noneMatch((record) -> isVacancyMatched(record, faraway));
		assertThat(this.world.matches().values(pendingId)).isEmpty();
	}

	@Test
	void anUnreadableVacancyIsDeadLetteredAndTheNextOneStillMatches() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String poison = "test-trust:" + word + "-poison";
		RecordMetadata broken = this.world.feed().publishRaw(poison, "{\"vacancy\": ");

		try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopicOf(Topics.VACANCIES))) {
			assertThat(deadLetters.awaitRaw(poison)).isEqualTo("{\"vacancy\": ");
		}
		String next = "test-trust:" + word + "-next";
		this.world.feed().publish(vacancy(next).description(word).build(), broken.partition());
		this.world.matches().await(alertId, (record) -> isVacancyMatched(record, next));
	}

	@Test
	void theApiShowsAnAlertToTheHolderOfItsManageLinkOnly() {
		String email = uniqueEmail();
		String alertId = this.world.candidates().createAlert(email, """
				{"bandMin": "3", "bandMax": "8a", "specialties": ["CARDIOLOGY"]}""");
		JsonNode profile = this.world.profiles().await(alertId, (record) -> true);
		String manage = tokenOf(profile.path("manageUrl").asString());

		this.world.http()
			.get()
			.uri("/api/v1/alerts/{id}", alertId)
			.header("Authorization", "Bearer " + manage)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alertId")
			.isEqualTo(alertId)
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.status")
			.isEqualTo("PENDING_CONFIRMATION")
			.jsonPath("$.frequency")
			.isEqualTo("INSTANT")
			.jsonPath("$.criteria.bandMin")
			.isEqualTo("3")
			.jsonPath("$.criteria.bandMax")
			.isEqualTo("8a")
			.jsonPath("$.criteria.specialties[0]")
			.isEqualTo("CARDIOLOGY")
			.jsonPath("$.createdAt")
			.exists();

		String confirm = tokenOf(profile.path("confirmUrl").asString());
		for (String authorization : new String[] { "Bearer " + confirm, "Bearer " + manage + "x", "Basic " + manage,
				"" }) {
			this.world.http()
				.get()
				.uri("/api/v1/alerts/{id}", alertId)
				.header("Authorization", authorization)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.world.http().get().uri("/api/v1/alerts/{id}", alertId).exchange().expectStatus().isNotFound();
	}

	@Test
	void aForgedConfirmationLinkIsNotFound() {
		this.world.http()
			.get()
			.uri("/alerts/confirm?token={token}", "bm90LWFuLWFsZXJ0LjEuMA.c2lnbmF0dXJl")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("This link does not work"));
		this.world.http().post().uri("/alerts/confirm").exchange().expectStatus().isNotFound();
	}

}
