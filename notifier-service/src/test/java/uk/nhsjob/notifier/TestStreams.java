package uk.nhsjob.notifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;

/**
 * What the matcher and the ingest service provide in the running system: the topics the
 * notifier reads, and a publisher of their records.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestStreams {

	@Bean
	KafkaAdmin.NewTopics consumedTopics(KafkaSettings settings) {
		return new KafkaAdmin.NewTopics(TopicDeclarations.profiles(settings), TopicDeclarations.alerts(settings),
				TopicDeclarations.vacancies(settings));
	}

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock(NotifierApplication.LONDON);
	}

	@Bean
	EventPublisher eventPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
		return new EventPublisher(bootstrapServers);
	}

}
