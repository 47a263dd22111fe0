package uk.nhsjob.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.ProducerListener;

/**
 * Keeps what Kafka records hold out of the logs ({@link KafkaRecordLogging}): installs
 * the record formatters, and gives Boot's templates a producer listener that logs a
 * failed send without the record's key and value. Before Boot's Kafka auto-configuration,
 * whose own listener quotes them and backs off for this one.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaLoggingAutoConfiguration {

	public KafkaLoggingAutoConfiguration() {
		KafkaRecordLogging.install();
	}

	@Bean
	@ConditionalOnMissingBean(ProducerListener.class)
	ProducerListener<Object, Object> kafkaProducerListener() {
		return KafkaRecordLogging.producerListener();
	}

}
