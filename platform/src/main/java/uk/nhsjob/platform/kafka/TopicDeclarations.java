package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.common.Topics;

/**
 * The topics of docs/events.md with their partitions and retention. Each service declares
 * the topics it produces, and the dead-letter topics of the topics it consumes.
 */
public final class TopicDeclarations {

	private static final Duration PROFILE_SEGMENT = Duration.ofDays(1);

	private static final Duration PROFILE_MAX_COMPACTION_LAG = Duration.ofDays(3);

	private static final Duration PROFILE_TOMBSTONE_RETENTION = Duration.ofDays(1);

	/**
	 * The longest a tombstone on the profile topic stays readable: its segment rolls, is
	 * compacted at the latest {@code max.compaction.lag.ms} later, and the tombstone is
	 * kept {@code delete.retention.ms} after that. A consumer that must not let an older
	 * record revive an erased alert remembers the erasure for longer than this.
	 */
	public static final Duration PROFILE_TOMBSTONE_LIFETIME = PROFILE_SEGMENT.plus(PROFILE_MAX_COMPACTION_LAG)
		.plus(PROFILE_TOMBSTONE_RETENTION);

	private TopicDeclarations() {
	}

	/** Compacted: each vacancy's latest state is kept for the matcher's rebuild. */
	public static NewTopic vacancies(KafkaSettings settings) {
		return base(Topics.VACANCIES, settings).compact().build();
	}

	/**
	 * Compacted, and compacted soon enough that an erased address is unreadable within 7
	 * days: a segment rolls within a day, is compacted at the latest 3 days later, and
	 * the tombstone itself goes a day after that.
	 */
	public static NewTopic profiles(KafkaSettings settings) {
		return base(Topics.PROFILES, settings).compact()
			.configs(Map.of(TopicConfig.SEGMENT_MS_CONFIG, millis(PROFILE_SEGMENT),
					TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, millis(PROFILE_MAX_COMPACTION_LAG),
					TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0", TopicConfig.DELETE_RETENTION_MS_CONFIG,
					millis(PROFILE_TOMBSTONE_RETENTION)))
			.build();
	}

	public static NewTopic alerts(KafkaSettings settings) {
		return base(Topics.ALERTS, settings).config(TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(14)))
			.build();
	}

	/**
	 * Not compacted: each notice is one email to send, kept 7 days, long enough for a
	 * notifier away for a while, and no longer, as each record holds an address.
	 */
	public static NewTopic notices(KafkaSettings settings) {
		// each record holds an address: a segment is deleted whole once its newest record
		// is past retention, so 6 days plus a day's segment leave none readable after 7
		return base(Topics.NOTICES, settings).config(TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(6)))
			.config(TopicConfig.SEGMENT_MS_CONFIG, millis(Duration.ofDays(1)))
			.build();
	}

	/** The dead-letter topics of the topics a service consumes. */
	public static KafkaAdmin.NewTopics deadLetterTopicsOf(KafkaSettings settings, String... consumedTopics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(consumedTopics)
			.map((topic) -> base(Topics.deadLetterTopicOf(topic), settings)
				.config(TopicConfig.RETENTION_MS_CONFIG, millis(settings.deadLetterRetention()))
				.build())
			.toArray(NewTopic[]::new));
	}

	private static TopicBuilder base(String name, KafkaSettings settings) {
		return TopicBuilder.name(name)
			.partitions(settings.partitions())
			.replicas(settings.replicationFactor())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()))
			// "published after t" compares append times, never producers' clocks
			.config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
	}

	private static String millis(Duration duration) {
		return String.valueOf(duration.toMillis());
	}

}
