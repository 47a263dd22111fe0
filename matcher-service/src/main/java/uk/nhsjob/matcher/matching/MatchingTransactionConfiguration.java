package uk.nhsjob.matcher.matching;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.kafka.KafkaFailurePolicy;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.ListenerFaultReporting;

/**
 * Consume–match–produce in Kafka transactions, on several threads. The producer factory
 * is transactional ({@code spring.kafka.producer.transaction-id-prefix}); Boot hands this
 * transaction manager to the listener containers: each vacancy's matches and offset
 * commit together. The vacancy listener's container runs
 * {@link MatchingSettings#threads()} consumers; each transaction takes a producer of its
 * own from the factory (transactional ids {@code <prefix><n>}), and a consumer that lost
 * its partitions is fenced by the group's generation, whatever its producer's id.
 */
@Configuration(proxyBeanMethods = false)
class MatchingTransactionConfiguration {

	/**
	 * With synchronisation on, so that what is recorded about a transaction's matches is
	 * recorded once it has committed (Kafka's own manager has it off by default).
	 */
	@Bean
	KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
		KafkaTransactionManager<?, ?> manager = new KafkaTransactionManager<>(producerFactory);
		manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
		return manager;
	}

	/**
	 * Inside a transaction a send joins it; outside one (the profile stream, which has
	 * its own outbox) it goes out on a plain idempotent producer.
	 */
	@Bean
	KafkaTemplate<?, ?> kafkaTemplate(ProducerFactory<Object, Object> producerFactory,
			ProducerListener<Object, Object> producerListener) {
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producerFactory);
		template.setProducerListener(producerListener);
		template.setAllowNonTransactional(true);
		return template;
	}

	/** As many consumers of the vacancy topic as there are matching threads. */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> matchingThreads(
			MatchingSettings settings) {
		return (container) -> {
			String[] topics = container.getContainerProperties().getTopics();
			if (topics != null && Arrays.asList(topics).contains(Topics.VACANCIES)) {
				container.setConcurrency(settings.threads());
			}
		};
	}

	/**
	 * The platform's failure policy (a fault that passes retried for as long as it lasts;
	 * anything else a few times, then {@code <topic>.dlt}) in transactions.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaSettings settings,
			ProducerFactory<Object, Object> producerFactory, KafkaTemplate<?, ?> kafkaTemplate,
			ListenerFaultReporting reporting) {
		return KafkaFailurePolicy.afterRollbackProcessor(settings, producerFactory, kafkaTemplate, reporting);
	}

}
