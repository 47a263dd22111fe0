package uk.nhsjob.notifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.testsupport.time.MovableClock;

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

	/**
	 * The notifier's clock, shared by the tests that share its context: each moves it
	 * forward only, except a test that takes it for itself and gives it back
	 * ({@code DigestTests}). The events the tests publish take their dates from it.
	 */
	@Bean
	@Primary
	MovableClock movableClock() {
		MovableClock clock = MovableClock.atRealTime(NotifierApplication.LONDON);
		TestEvents.useClock(clock);
		return clock;
	}

	@Bean
	EventPublisher eventPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
		return new EventPublisher(bootstrapServers);
	}

}
