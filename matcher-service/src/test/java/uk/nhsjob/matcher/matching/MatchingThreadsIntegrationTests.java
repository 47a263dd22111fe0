package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.MatcherIntegrationTest;
import uk.nhsjob.matcher.MatcherWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * Vacancies matched on two threads ({@code nhsjob.matcher.matching-threads=2} in
 * {@link MatcherIntegrationTest}), each consuming its share of the partitions in
 * transactions of its own: every vacancy is matched, once.
 */
@MatcherIntegrationTest
class MatchingThreadsIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Test
	void vacanciesOfEveryPartitionAreMatchedOnceOnTwoThreads() {
		ConcurrentMessageListenerContainer<?, ?> matching = vacancyContainer();
		assertThat(matching.getConcurrency()).isEqualTo(2);
		await().untilAsserted(() -> assertThat(matching.getContainers()).hasSize(2)
			.allSatisfy((consumer) -> assertThat(consumer.getAssignedPartitions()).isNotEmpty()));
		int partitions = matching.getContainers()
			.stream()
			.mapToInt((consumer) -> consumer.getAssignedPartitions().size())
			.sum();

		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		List<Vacancy> vacancies = IntStream.range(0, 2 * partitions)
			.mapToObj((i) -> vacancy("test-trust:" + word + "-" + i).description(word).build())
			.toList();
		for (int i = 0; i < vacancies.size(); i++) {
			this.world.feed().publish(vacancies.get(i), i % partitions);
		}

		List<String> expected = vacancies.stream().map(Vacancy::id).toList();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			this.world.matches().catchUp();
			assertThat(matchedVacancies(alertId)).containsAll(expected);
		});
		this.world.matches().catchUpToEnd();
		assertThat(matchedVacancies(alertId)).containsExactlyInAnyOrderElementsOf(expected);
	}

	private List<String> matchedVacancies(String alertId) {
		return this.world.matches()
			.values(alertId)
			.stream()
			.filter((record) -> record.path("type").asString().equals("VacancyMatched"))
			.map((record) -> record.path("vacancy").path("vacancyId").asString())
			.toList();
	}

	private ConcurrentMessageListenerContainer<?, ?> vacancyContainer() {
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
					&& List.of(container.getContainerProperties().getTopics()).contains(Topics.VACANCIES)) {
				return concurrent;
			}
		}
		throw new AssertionError("no listener of " + Topics.VACANCIES);
	}

}
