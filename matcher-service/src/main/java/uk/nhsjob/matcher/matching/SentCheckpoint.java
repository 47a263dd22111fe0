package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * How far the alerts topic has been reconciled with the sent ledger: per partition, the
 * offset before which every pair published is recorded in {@code sentMatches}. Kept in
 * MongoDB ({@code sentCheckpoints}, one document per partition, {@code _id}
 * {@code <topic>-<partition>}, field {@code offset}), shared by every instance: each
 * advances it as its own reader goes, by {@code $max}, so an instance that is behind
 * never moves it back (docs/matching.md, "At most once per alert").
 */
@Component
class SentCheckpoint {

	static final String COLLECTION = "sentCheckpoints";

	private final MongoOperations mongo;

	private final Clock clock;

	SentCheckpoint(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The checkpoint of each partition that has one; a partition without one is absent.
	 */
	Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions) {
		List<String> ids = partitions.stream().map(SentCheckpoint::idOf).toList();
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.mongo.find(query(where("_id").in(ids)), Offset.class, COLLECTION)
			.forEach((offset) -> offsets.put(new TopicPartition(offset.topic(), offset.partition()), offset.offset()));
		return offsets;
	}

	/**
	 * Moves each partition's checkpoint to the offset given, if that is further on: every
	 * pair published before it must be recorded already.
	 */
	void advance(Map<TopicPartition, Long> offsets) {
		offsets.forEach((partition, offset) -> this.mongo.upsert(query(where("_id").is(idOf(partition))),
				new Update().max("offset", offset)
					.set("topic", partition.topic())
					.set("partition", partition.partition())
					.set("checkedAt", this.clock.instant()),
				COLLECTION));
	}

	static String idOf(TopicPartition partition) {
		return partition.topic() + "-" + partition.partition();
	}

	/** A partition's checkpoint as stored. */
	record Offset(String id, String topic, int partition, long offset) {
	}

}
