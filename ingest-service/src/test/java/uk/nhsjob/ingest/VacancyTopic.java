package uk.nhsjob.ingest;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.awaitility.Awaitility.await;

/**
 * {@code nhsjob.vacancies.v1} as any other service reads it, from the beginning
 * ({@link TopicReader}), with its records as {@link VacancyPublished} events.
 */
public final class VacancyTopic {

	private VacancyTopic() {
	}

	/** The records under a key, oldest first, once they satisfy the condition. */
	public static List<ConsumerRecord<String, String>> awaitRecords(String key,
			Predicate<List<ConsumerRecord<String, String>>> until) {
		try (TopicReader topic = new TopicReader(Topics.VACANCIES)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> until.test(recordsUnder(key, topic.catchUp())));
			return recordsUnder(key, topic);
		}
	}

	/** The events under a key, oldest first, once there are at least this many. */
	public static List<VacancyPublished> awaitEvents(String key, int count) {
		return awaitRecords(key, (records) -> records.size() >= count).stream().map(VacancyTopic::event).toList();
	}

	public static VacancyPublished event(ConsumerRecord<String, String> record) {
		return IngestApi.JSON.readValue(record.value(), VacancyPublished.class);
	}

	/**
	 * Every key now on the topic that starts with the prefix, read to the end offsets.
	 */
	public static List<String> keysStartingWith(String prefix) {
		try (TopicReader topic = new TopicReader(Topics.VACANCIES)) {
			return topic.catchUpToEnd()
				.records()
				.stream()
				.map(ConsumerRecord::key)
				.filter((key) -> key != null && key.startsWith(prefix))
				.toList();
		}
	}

	private static List<ConsumerRecord<String, String>> recordsUnder(String key, TopicReader topic) {
		return topic.records().stream().filter((record) -> key.equals(record.key())).toList();
	}

}
