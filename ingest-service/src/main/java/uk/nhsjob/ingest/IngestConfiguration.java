package uk.nhsjob.ingest;

import java.time.Clock;
import java.time.ZoneId;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Europe/London"));
	}

	/** This service produces the vacancy topic and consumes nothing. */
	@Bean
	NewTopic vacanciesTopic(KafkaSettings kafkaSettings) {
		return TopicDeclarations.vacancies(kafkaSettings);
	}

	@Bean
	PostcodeDirectory postcodeDirectory() {
		return PostcodeDirectory.load();
	}

}
