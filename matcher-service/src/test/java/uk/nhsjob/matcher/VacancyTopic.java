package uk.nhsjob.matcher;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;

/** The ingest service declares the vacancy topic; in these tests nobody else does. */
@TestConfiguration(proxyBeanMethods = false)
class VacancyTopic {

	@Bean
	NewTopic vacanciesTopic(KafkaSettings settings) {
		return TopicDeclarations.vacancies(settings);
	}

}
