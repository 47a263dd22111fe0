package uk.nhsjob.matcher;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The ingest service declares the vacancy topic; in these tests nobody else does. And the
 * clock that tests move, and the recorder of what request threads send to MongoDB.
 */
@TestConfiguration(proxyBeanMethods = false)
class VacancyTopic {

	@Bean
	@Primary
	MovableClock testClock() {
		return ServiceClock.LONDON;
	}

	@Bean
	RequestThreadCommands requestThreadCommands() {
		return new RequestThreadCommands();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer recordRequestThreadCommands(RequestThreadCommands commands) {
		return (settings) -> settings.addCommandListener(commands);
	}

	@Bean
	NewTopic vacanciesTopic(KafkaSettings settings) {
		return TopicDeclarations.vacancies(settings);
	}

}
