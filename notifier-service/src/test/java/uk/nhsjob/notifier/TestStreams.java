package uk.nhsjob.notifier;

import java.time.LocalDateTime;

import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * What the matcher and the ingest service provide in the running system: the topics the
 * notifier reads, and a publisher of their records.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestStreams {

	/** Where the shared clock starts, in London. */
	static final LocalDateTime START = LocalDateTime.of(2027, 3, 2, 12, 0);

	@Bean
	KafkaAdmin.NewTopics consumedTopics(KafkaSettings settings) {
		// the notices topic as the matcher declares it (docs/events.md)
		return new KafkaAdmin.NewTopics(TopicDeclarations.profiles(settings), TopicDeclarations.alerts(settings),
				TopicDeclarations.vacancies(settings),
				TopicBuilder.name(Topics.NOTICES)
					.partitions(settings.partitions())
					.replicas(settings.replicationFactor())
					.config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")
					.build());
	}

	/**
	 * The notifier's clock, shared by the tests that share its context. It starts at a
	 * fixed moment, noon on Tuesday 2 March 2027 in London, whatever the machine's date,
	 * so every run sees the same moments; and that is before every moment
	 * {@code DigestTests} puts it at (in 2028), so those are always ahead of it. Each
	 * test moves it forward only, except {@code DigestTests}, which takes it for itself
	 * and gives it back. The events the tests publish take their dates from it.
	 */
	@Bean
	@Primary
	MovableClock movableClock() {
		MovableClock clock = MovableClock.startingAt(START, NotifierApplication.LONDON);
		TestEvents.useClock(clock);
		return clock;
	}

	@Bean
	EventPublisher eventPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
		return new EventPublisher(bootstrapServers);
	}

}
