package uk.nhsjob.notifier;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;

/**
 * Emails candidates: confirmation requests from the profile stream, and the vacancies
 * that matched their alerts from the alert stream.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotifierApplication {

	/** UK dates (closing dates, "today") are read in this zone. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(NotifierApplication.class)
			.properties("spring.config.name=notifier-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

	@Bean
	Clock clock() {
		return Clock.system(LONDON);
	}

	/** This service produces no topic of its own, only dead letters of those it reads. */
	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(KafkaSettings settings) {
		return TopicDeclarations.deadLetterTopicsOf(settings, Topics.PROFILES, Topics.ALERTS, Topics.VACANCIES);
	}

}
