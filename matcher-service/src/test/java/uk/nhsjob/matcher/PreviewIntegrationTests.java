package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;

import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.today;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/** What an alert would match now. */
@MatcherIntegrationTest
class PreviewIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void previewsTheOpenVacanciesThatMatchNowNewestFirst() {
		String word = uniqueWord();
		for (int age = 1; age <= 3; age++) {
			this.world.feed()
				.awaitMatcherRead(this.world.feed()
					.publish(vacancy("test-trust:" + word + "-" + age).description("Needs " + word)
						.postedAt(today().minusDays(age))
						.build()));
		}
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-coder").role(Role.CLINICAL_CODER).description(word).build()));
		this.world.feed()
			.awaitMatcherRead(this.world.feed()
				.publish(vacancy("test-trust:" + word + "-closed").closed().description(word).build()));

		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview?limit=2")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"roles": ["MEDICAL_SECRETARY"], "postcode": "LS6 2AB", "keywords": "%s"}""".formatted(word))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3)
			.jsonPath("$.vacancies[*].id")
			.isEqualTo(List.of("test-trust:" + word + "-1", "test-trust:" + word + "-2"))
			.jsonPath("$.vacancies[0].title")
			.isEqualTo("Medical Secretary")
			.jsonPath("$.vacancies[0].role")
			.isEqualTo("MEDICAL_SECRETARY")
			.jsonPath("$.vacancies[0].status")
			.isEqualTo("OPEN");
	}

	@Test
	void aLowerRevisionArrivingLateDoesNotReopenAClosedVacancy() {
		String word = uniqueWord();
		String vacancyId = "test-trust:" + word;
		RecordMetadata first = this.world.feed().publish(vacancy(vacancyId).revision(1).description(word).build());
		this.world.feed().publish(vacancy(vacancyId).revision(3).closed().description(word).build(), first.partition());
		this.world.feed().publish(vacancy(vacancyId).revision(2).description(word).build(), first.partition());
		String marker = "test-trust:" + word + "-marker";
		this.world.feed().publish(vacancy(marker).description(word).build(), first.partition());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.world.http()
				.post()
				.uri("/api/v1/alerts/preview")
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"keywords": "%s"}""".formatted(word))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.vacancies[*].id")
				.isEqualTo(List.of(marker)));
	}

	@Test
	void previewsTwentyByDefault() {
		String word = uniqueWord();
		for (int i = 0; i < 21; i++) {
			this.world.feed().publish(vacancy("test-trust:" + word + "-" + i).description(word).build());
		}
		this.world.feed()
			.awaitMatcherRead(
					this.world.feed().publish(vacancy("test-trust:" + word + "-last").description(word).build(), 0));
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> this.world.http()
				.post()
				.uri("/api/v1/alerts/preview")
				.contentType(MediaType.APPLICATION_JSON)
				.body(keywordCriteria(word))
				.exchange()
				.expectBody()
				.jsonPath("$.total")
				.isEqualTo(22)
				.jsonPath("$.vacancies.length()")
				.isEqualTo(20));
	}

	@Test
	void rejectsInvalidCriteriaNamingTheField() {
		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"postcode\": \"LS6\", \"radiusMiles\": 0}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.<List<String>>value((fields) -> assertThat(fields).contains("radiusMiles"));
		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"specialties\": [\"ASTROLOGY\"]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.<List<String>>value((fields) -> assertThat(fields).contains("specialties"));
		this.world.http()
			.post()
			.uri("/api/v1/alerts/preview?limit=0")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.<List<String>>value((fields) -> assertThat(fields).contains("limit"));
	}

}
