package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics as the services declare them (docs/events.md), read back from a real broker:
 * what the broker holds is what counts, not what the declaration meant to ask for.
 */
@RealInfrastructure
class TopicSettingsIntegrationTests {

	private static final List<String> DEAD_LETTER_TOPICS = Stream.of(Topics.VACANCIES, Topics.PROFILES, Topics.ALERTS)
		.map(Topics::deadLetterTopicOf)
		.toList();

	private static final List<String> ALL_TOPICS = Stream
		.concat(Stream.of(Topics.VACANCIES, Topics.PROFILES, Topics.ALERTS, Topics.NOTICES),
				DEAD_LETTER_TOPICS.stream())
		.toList();

	/**
	 * The settings' defaults but for {@code min.insync.replicas}: 2, so that the broker
	 * shows it came from the settings (one broker takes no higher replication factor).
	 */
	private static final KafkaSettings SETTINGS = settings(
			Map.of("nhsjob.kafka.replication-factor", "1", "nhsjob.kafka.min-insync-replicas", "2"));

	private static AdminClient broker;

	private static Map<String, TopicDescription> descriptions;

	private static Map<String, Config> configs;

	@BeforeAll
	static void declareTheTopicsAsTheServicesDo(TestInfrastructure infrastructure) throws Exception {
		try (AnnotationConfigApplicationContext services = new AnnotationConfigApplicationContext()) {
			services.registerBean(KafkaAdmin.class, () -> new KafkaAdmin(
					Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers())));
			// the ingest's, the matcher's and the notifier's declarations
			services.registerBean("vacancies", NewTopic.class, () -> TopicDeclarations.vacancies(SETTINGS));
			services.registerBean("profiles", NewTopic.class, () -> TopicDeclarations.profiles(SETTINGS));
			services.registerBean("alerts", NewTopic.class, () -> TopicDeclarations.alerts(SETTINGS));
			services.registerBean("notices", NewTopic.class, () -> TopicDeclarations.notices(SETTINGS));
			services.registerBean("deadLetters", KafkaAdmin.NewTopics.class, () -> TopicDeclarations
				.deadLetterTopicsOf(SETTINGS, Topics.VACANCIES, Topics.PROFILES, Topics.ALERTS));
			services.refresh();
		}
		broker = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
		descriptions = broker.describeTopics(ALL_TOPICS).allTopicNames().get();
		List<ConfigResource> resources = ALL_TOPICS.stream()
			.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
			.toList();
		configs = broker.describeConfigs(resources)
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().name(), Map.Entry::getValue));
	}

	@AfterAll
	static void closeTheClient() {
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void everyTopicHasSixPartitionsByDefault() {
		assertThat(SETTINGS.partitions()).isEqualTo(6);
		assertThat(ALL_TOPICS).allSatisfy((topic) -> assertThat(descriptions.get(topic).partitions()).hasSize(6));
	}

	@Test
	void replicationFactorAndMinInsyncReplicasComeFromTheSettings() {
		assertThat(SETTINGS.minInsyncReplicas()).isEqualTo(2);
		assertThat(ALL_TOPICS).allSatisfy((topic) -> {
			assertThat(descriptions.get(topic).partitions())
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(SETTINGS.replicationFactor()));
			assertThat(setting(topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG))
				.isEqualTo(String.valueOf(SETTINGS.minInsyncReplicas()));
		});
	}

	@Test
	void aClusterGetsTheReplicationItsSettingsAskFor() {
		KafkaSettings cluster = settings(
				Map.of("nhsjob.kafka.replication-factor", "3", "nhsjob.kafka.min-insync-replicas", "2"));
		assertThat(List.of(TopicDeclarations.vacancies(cluster), TopicDeclarations.profiles(cluster),
				TopicDeclarations.alerts(cluster)))
			.allSatisfy((topic) -> {
				assertThat(topic.replicationFactor()).isEqualTo((short) 3);
				assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
			});
	}

	@Test
	void theVacancyAndProfileTopicsAreCompacted() {
		assertThat(setting(Topics.VACANCIES, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("compact");
		assertThat(setting(Topics.PROFILES, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("compact");
		assertThat(setting(Topics.ALERTS, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("delete");
	}

	/**
	 * An erased alert's earlier records hold its address until the cleaner has compacted
	 * them away behind its tombstone: the record's segment must roll, the cleaner must
	 * get to it, and the tombstone itself goes after {@code delete.retention.ms}.
	 * Together that is within 7 days.
	 */
	@Test
	void theProfileTopicForgetsAnErasedAddressWithinSevenDays() {
		Duration minimumLag = millis(Topics.PROFILES, TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG);
		Duration maximumLag = millis(Topics.PROFILES, TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG);
		Duration segment = millis(Topics.PROFILES, TopicConfig.SEGMENT_MS_CONFIG);
		Duration tombstoneKept = millis(Topics.PROFILES, TopicConfig.DELETE_RETENTION_MS_CONFIG);

		assertThat(configs.get(Topics.PROFILES).get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).isDefault())
			.as("max.compaction.lag.ms is set: the broker's default is never")
			.isFalse();
		assertThat(minimumLag).isLessThanOrEqualTo(maximumLag);
		assertThat(minimumLag.plus(segment).plus(maximumLag).plus(tombstoneKept))
			.isLessThanOrEqualTo(Duration.ofDays(7));
	}

	/**
	 * Each notice holds an address: kept long enough for a notifier away for days, and
	 * unreadable within 7 (retention plus one segment's time).
	 */
	@Test
	void theNoticesTopicLeavesNoAddressReadableAfterSevenDays() {
		assertThat(setting(Topics.NOTICES, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("delete");
		assertThat(millis(Topics.NOTICES, TopicConfig.RETENTION_MS_CONFIG)
			.plus(millis(Topics.NOTICES, TopicConfig.SEGMENT_MS_CONFIG))).isLessThanOrEqualTo(Duration.ofDays(7));
		assertThat(millis(Topics.NOTICES, TopicConfig.RETENTION_MS_CONFIG)).isGreaterThanOrEqualTo(Duration.ofDays(3));
	}

	@Test
	void deadLetterTopicsKeepTheirRecordsSevenDays() {
		assertThat(DEAD_LETTER_TOPICS).allSatisfy((topic) -> {
			assertThat(setting(topic, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("delete");
			assertThat(millis(topic, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(Duration.ofDays(7));
		});
	}

	@Test
	void theBrokerStampsEveryRecordWithItsAppendTime() {
		assertThat(ALL_TOPICS).allSatisfy(
				(topic) -> assertThat(setting(topic, "message.timestamp.type")).as(topic).isEqualTo("LogAppendTime"));
	}

	private static KafkaSettings settings(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("nhsjob.kafka",
				KafkaSettings.class);
	}

	private static String setting(String topic, String name) {
		return configs.get(topic).get(name).value();
	}

	private static Duration millis(String topic, String name) {
		return Duration.ofMillis(Long.parseLong(setting(topic, name)));
	}

}
