package uk.nhsjob.notifier;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;

/** The notifier's beans that are not components of a feature. */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(NotifierApplication.LONDON);
	}

	/** This service produces no topic of its own, only dead letters of those it reads. */
	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(KafkaSettings settings) {
		return TopicDeclarations.deadLetterTopicsOf(settings, Topics.PROFILES, Topics.ALERTS, Topics.VACANCIES,
				Topics.NOTICES);
	}

}
