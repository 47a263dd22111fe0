package uk.nhsjob.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.awaitility.Awaitility.await;

/**
 * What the services' consumer groups have read, seen from the broker: a test waits until
 * every group that reads a topic has committed its end, knowing nothing of the groups'
 * names or the services' insides.
 */
final class ConsumerGroups implements AutoCloseable {

	private final AdminClient admin;

	ConsumerGroups(String bootstrapServers) {
		this.admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * Waits until each group with members that has committed offsets on the topic has
	 * committed at least these: one past the last record of each partition, as a reader
	 * of the topic saw them (with transactions, a partition's end offset lies beyond its
	 * last record, after the commit marker, and a consumer commits the record's offset).
	 */
	void awaitAllCaughtUp(String topic, TopicReader reader) {
		Map<TopicPartition, Long> required = new HashMap<>();
		reader.catchUpToEnd()
			.records()
			.forEach((record) -> required.merge(new TopicPartition(record.topic(), record.partition()),
					record.offset() + 1, Math::max));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> lagging(topic, required).isEmpty());
	}

	/** The groups still behind, with the partitions where they are. */
	private Map<String, Map<TopicPartition, Long>> lagging(String topic, Map<TopicPartition, Long> required)
			throws ExecutionException, InterruptedException {
		List<String> groupIds = this.admin.listConsumerGroups()
			.all()
			.get()
			.stream()
			.map(ConsumerGroupListing::groupId)
			.toList();
		Map<String, Map<TopicPartition, Long>> behind = new TreeMap<>();
		for (ConsumerGroupDescription group : this.admin.describeConsumerGroups(groupIds).all().get().values()) {
			if (group.members().isEmpty()) {
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, Long> groupBehind = new HashMap<>();
			committed.forEach((partition, offset) -> {
				if (partition.topic().equals(topic) && offset != null
						&& offset.offset() < required.getOrDefault(partition, 0L)) {
					groupBehind.put(partition, offset.offset());
				}
			});
			if (!groupBehind.isEmpty()) {
				behind.put(group.groupId(), groupBehind);
			}
		}
		return behind;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
