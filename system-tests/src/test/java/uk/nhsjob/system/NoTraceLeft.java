package uk.nhsjob.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whether an erased address is gone (docs/operations.md, "Privacy"): the tombstone of
 * each of its alerts on the profile topic, no document of any service's database holding
 * it (as text, in any field), and no profile record after the tombstones holding it.
 */
final class NoTraceLeft {

	private NoTraceLeft() {
	}

	static void assertForgotten(TestInfrastructure infrastructure, String address, List<String> alertIds) {
		try (TopicReader profiles = new TopicReader(infrastructure.kafkaBootstrapServers(), Topics.PROFILES)) {
			alertIds.forEach(profiles::awaitTombstone);
			try (MongoDatabases mongo = new MongoDatabases(infrastructure.mongoUri())) {
				assertThat(mongo.databaseNames()).as("the services' databases")
					.contains("nhsjob-ingest", "nhsjob-matcher", "nhsjob-notifier");
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(
							() -> assertThat(mongo.whereHeld(address)).as("documents holding the address").isEmpty());
			}
			List<ConsumerRecord<String, String>> records = profiles.catchUpToEnd().records();
			Map<Integer, Long> tombstoneOffsets = new HashMap<>();
			long lastTombstone = 0;
			for (ConsumerRecord<String, String> record : records) {
				if (record.value() == null && alertIds.contains(record.key())) {
					tombstoneOffsets.merge(record.partition(), record.offset(), Math::max);
					lastTombstone = Math.max(lastTombstone, record.timestamp());
				}
			}
			long after = lastTombstone;
			assertThat(records)
				.filteredOn((record) -> record.timestamp() >= after
						|| record.offset() > tombstoneOffsets.getOrDefault(record.partition(), Long.MAX_VALUE))
				.as("profile records after the tombstones")
				.noneSatisfy((record) -> assertThat(record.value()).isNotNull().containsIgnoringCase(address));
		}
	}

}
