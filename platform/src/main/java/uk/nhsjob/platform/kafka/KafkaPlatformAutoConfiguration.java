package uk.nhsjob.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * What every service gets on top of Boot's Kafka auto-configuration: the failure policy
 * for its listeners and a health indicator for its broker.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaPlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	CommonErrorHandler kafkaErrorHandler(KafkaSettings settings, ProducerFactory<?, ?> producerFactory) {
		return KafkaFailurePolicy.errorHandler(settings, producerFactory);
	}

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin);
	}

}
