package uk.nhsjob.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

import uk.nhsjob.platform.background.BackgroundAutoConfiguration;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * What every service gets on top of Boot's Kafka auto-configuration: the failure policy
 * for its listeners, a background reader for each of them, and a health indicator for its
 * broker.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, BackgroundAutoConfiguration.class })
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaPlatformAutoConfiguration {

	/** Also the listeners' record interceptor, through which a success is reported. */
	@Bean
	@ConditionalOnMissingBean
	ListenerFaultReporting listenerFaultReporting(BackgroundReaders readers, MeterRegistry meters) {
		return new ListenerFaultReporting(readers, meters);
	}

	@Bean
	@ConditionalOnBean(KafkaListenerEndpointRegistry.class)
	@ConditionalOnMissingBean
	ListenerWatch listenerWatch(KafkaListenerEndpointRegistry registry, BackgroundReaders readers) {
		return new ListenerWatch(registry, readers);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	CommonErrorHandler kafkaErrorHandler(KafkaSettings settings, ProducerFactory<?, ?> producerFactory,
			ListenerFaultReporting reporting) {
		return KafkaFailurePolicy.errorHandler(settings, producerFactory, reporting);
	}

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin);
	}

}
