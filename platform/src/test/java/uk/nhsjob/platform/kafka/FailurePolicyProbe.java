package uk.nhsjob.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Named;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.mock.MockProducerFactory;

import uk.nhsjob.common.Topics;
import uk.nhsjob.platform.background.BackgroundReaders;

import static org.mockito.Mockito.mock;

/**
 * The platform's failure policy (docs/operations.md, "Dead letters"), as a listener's
 * container runs it, with its default settings, but no broker: a record its listener
 * failed on is handed to it again and again, and the dead letters it publishes are kept.
 * Shared with the services' tests through this module's test jar, where each service
 * tests its own listeners' classification of their faults.
 */
public final class FailurePolicyProbe {

	/** What becomes of a record whose listener keeps failing. */
	public enum Outcome {

		/** Tried again after each failure, never dead-lettered. */
		RETRIED_WITHOUT_END,

		/** Published to the topic's dead-letter topic after its first failure. */
		DEAD_LETTERED_AT_ONCE,

		/** Published to the topic's dead-letter topic after a few tries. */
		DEAD_LETTERED_AFTER_RETRIES

	}

	/** Far past the bounded retries of a fault that does not pass (4). */
	private static final int TRIES = 25;

	private FailurePolicyProbe() {
	}

	/**
	 * MongoDB away, as a service's listeners meet it: translated by Spring Data (no
	 * server within the timeout, a refused connection, a slow query), or as the driver
	 * throws it.
	 */
	public static Stream<Named<Exception>> mongoDbAway() {
		return Stream.of(
				Named.of("no server within the timeout",
						new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("no server"))),
				Named.of("connection refused",
						new DataAccessResourceFailureException("refused",
								new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 9)))),
				Named.of("a query timed out", new QueryTimeoutException("slow")),
				Named.of("the driver's own timeout", new MongoTimeoutException("no server")));
	}

	/** What the policy does with a record of the topic its listener fails on so. */
	public static Outcome outcomeOf(Exception thrown, String topic) {
		MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
				new StringSerializer());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ListenerFaultReporting reporting = new ListenerFaultReporting(new BackgroundReaders(meters), meters);
		try {
			DefaultErrorHandler policy = KafkaFailurePolicy.errorHandler(settings(), producerFactory(producer),
					reporting);
			ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "key", "value");
			Exception failure = new ListenerExecutionFailedException("Listener method failed", thrown);
			MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
			MessageListenerContainer container = mock(MessageListenerContainer.class);
			int tries = 1;
			while (!policy.handleOne(failure, record, consumer, container) && tries < TRIES) {
				tries++;
			}
			boolean deadLettered = producer.history()
				.stream()
				.anyMatch((sent) -> sent.topic().equals(Topics.deadLetterTopicOf(topic)));
			if (!deadLettered) {
				return Outcome.RETRIED_WITHOUT_END;
			}
			return (tries == 1) ? Outcome.DEAD_LETTERED_AT_ONCE : Outcome.DEAD_LETTERED_AFTER_RETRIES;
		}
		finally {
			reporting.destroy();
		}
	}

	private static KafkaSettings settings() {
		return new KafkaSettings(6, (short) 1, 1, Duration.ofDays(7),
				new KafkaSettings.Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)));
	}

	private static MockProducerFactory<String, String> producerFactory(MockProducer<String, String> producer) {
		return new MockProducerFactory<>(() -> producer) {

			@Override
			public Map<String, Object> getConfigurationProperties() {
				// for the policy's raw-bytes template, which these records never use
				return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
			}

		};
	}

}
