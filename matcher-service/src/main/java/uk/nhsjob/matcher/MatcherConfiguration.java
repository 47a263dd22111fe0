package uk.nhsjob.matcher;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.servlet.DispatcherType;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MatcherConfiguration {

	/** "Today" is today in Europe/London (docs/normalisation.md); tests replace it. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Europe/London"));
	}

	/**
	 * Before every other filter, so that even an answer one of them gives carries the
	 * headers, and on error dispatches, so that error pages do.
	 */
	@Bean
	FilterRegistrationBean<PageHeaders> pageHeaders() {
		FilterRegistrationBean<PageHeaders> registration = new FilterRegistrationBean<>(new PageHeaders());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	PostcodeDirectory postcodeDirectory() {
		return PostcodeDirectory.load();
	}

	@Bean
	NewTopic profilesTopic(KafkaSettings settings) {
		return TopicDeclarations.profiles(settings);
	}

	@Bean
	NewTopic alertsTopic(KafkaSettings settings) {
		return TopicDeclarations.alerts(settings);
	}

	/** The emails about an address the matcher asks the notifier for (docs/events.md). */
	@Bean
	NewTopic noticesTopic(KafkaSettings settings) {
		return TopicDeclarations.notices(settings);
	}

	@Bean
	KafkaAdmin.NewTopics consumedDeadLetterTopics(KafkaSettings settings) {
		return TopicDeclarations.deadLetterTopicsOf(settings, Topics.VACANCIES);
	}

}
