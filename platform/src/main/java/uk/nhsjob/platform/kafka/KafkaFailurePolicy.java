package uk.nhsjob.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.privacy.Redaction;

/**
 * The one failure policy of every listener (docs/operations.md, "Dead letters"): a record
 * failing with a fault that passes ({@link TransientFaults}) is retried with capped
 * exponential back-off for as long as the fault lasts, never dead-lettered, its listener
 * reported through {@link ListenerFaultReporting}; any other failing record is retried a
 * few times with exponential back-off, then published with its failure headers to
 * {@code <topic>.dlt}, and the listener moves on. A record that cannot be deserialised,
 * or is invalid, is dead-lettered at once, as the bytes that arrived, so an operator can
 * read and replay it. Between tries the consumer is paused, not asleep.
 */
public final class KafkaFailurePolicy {

	private static final Logger log = LoggerFactory.getLogger(KafkaFailurePolicy.class);

	private KafkaFailurePolicy() {
	}

	public static DefaultErrorHandler errorHandler(KafkaSettings settings, ProducerFactory<?, ?> producerFactory,
			ListenerFaultReporting reporting) {
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(producerFactory), backOff(settings.retry()),
				reporting);
		classify(handler, settings);
		return handler;
	}

	/**
	 * The same policy for a listener that consumes in Kafka transactions, where a failure
	 * rolls the transaction back instead of reaching an error handler: each retry reads
	 * the record again in a new transaction, and the dead letter is published in a
	 * transaction of its own together with the record's offset, so it is neither lost nor
	 * matched again.
	 * @param producerFactory the transactional factory of the listener's transactions
	 * @param template a template on that factory, which sends the offset
	 * @param reporting the platform's bean, which pauses the consumer between tries and
	 * reports faults that pass
	 */
	public static DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaSettings settings,
			ProducerFactory<?, ?> producerFactory, KafkaOperations<?, ?> template, ListenerFaultReporting reporting) {
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
				recoverer(producerFactory), backOff(settings.retry()), reporting, template, true);
		classify(processor, settings);
		return processor;
	}

	private static void classify(FailedRecordProcessor processor, KafkaSettings settings) {
		processor.addNotRetryableExceptions(DeserializationException.class, IllegalArgumentException.class);
		// a fault that passes gets a back-off of its own, without end; a change of fault
		// starts the record's tries afresh
		processor.setBackOffFunction((record, failure) -> TransientFaults.isTransient(failure)
				? transientBackOff(settings.retry()) : backOff(settings.retry()));
		processor.setResetStateOnExceptionChange(true);
	}

	private static DeadLetterPublishingRecoverer recoverer(ProducerFactory<?, ?> producerFactory) {
		return new DeadLetterPublishingRecoverer(deadLetterTemplates(producerFactory), (record, failure) -> {
			log.warn("Dead-lettering {} after: {}", KafkaRecordLogging.describe(record),
					Redaction.of(failure.getMessage()));
			// -1: the producer chooses, so that a dead-letter topic need not have
			// as many partitions as its source
			return new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1);
		});
	}

	static ExponentialBackOff backOff(KafkaSettings.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxAttempts(retry.attempts());
		return backOff;
	}

	/** Capped exponential back-off with no limit on attempts or time. */
	static ExponentialBackOff transientBackOff(KafkaSettings.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.transientMaxInterval().toMillis());
		return backOff;
	}

	/**
	 * Raw bytes (a value that failed deserialisation) go out as they came; anything else
	 * through the application's own serialiser, in the listener's transaction when there
	 * is one.
	 */
	private static Map<Class<?>, KafkaOperations<?, ?>> deadLetterTemplates(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> bytesConfig = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
		bytesConfig.remove("transactional.id");
		DefaultKafkaProducerFactory<String, byte[]> bytesFactory = new DefaultKafkaProducerFactory<>(bytesConfig,
				new StringSerializer(), new ByteArraySerializer());
		String transactionIdPrefix = producerFactory.getTransactionIdPrefix();
		if (producerFactory.transactionCapable() && transactionIdPrefix != null) {
			// the recoverer wants both alike: raw bytes then go out in a
			// transaction of their own, too
			bytesFactory.setTransactionIdPrefix(transactionIdPrefix + "dead-letters-");
		}
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		KafkaTemplate<String, byte[]> bytes = new KafkaTemplate<>(bytesFactory);
		bytes.setProducerListener(KafkaRecordLogging.producerListener());
		KafkaTemplate<?, ?> objects = new KafkaTemplate<>(producerFactory);
		objects.setProducerListener(KafkaRecordLogging.producerListener());
		templates.put(byte[].class, bytes);
		templates.put(Object.class, objects);
		return templates;
	}

}
