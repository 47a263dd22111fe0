package uk.nhsjob.platform.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Spring Kafka names records by where they are, never by what they hold
 * (docs/operations.md, "Logs"): a profile record's value holds an address and links with
 * tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaRecordLoggingTests {

	private static final String ADDRESS = "kafka-logging-" + System.nanoTime() + "@example.org";

	private static final String TOKEN = "tok" + System.nanoTime();

	private static final String VALUE = "{\"email\":\"" + ADDRESS
			+ "\",\"confirmUrl\":\"https://alerts.example.org/alerts/confirm?token=" + TOKEN + "\"}";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaLoggingAutoConfiguration.class));

	@Test
	void aFailedSendIsLoggedWithoutTheRecordsKeyOrValue(CapturedOutput output) throws IOException {
		this.contexts
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
					"spring.kafka.producer.properties.max.block.ms=300")
			.run((context) -> {
				KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
				// no broker: the record's topic is never known, and the send fails
				assertThatExceptionOfType(KafkaException.class)
					.isThrownBy(() -> template.send("platform-test.privacy.v1", ADDRESS, VALUE));
			});

		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getAll().contains("Exception thrown when sending a message"));
		assertThat(output.getAll()).contains("platform-test.privacy.v1").doesNotContain(ADDRESS).doesNotContain(TOKEN);
	}

	@Test
	void recordsAreFormattedForLogLinesByTopicPartitionAndOffsetOnly() {
		this.contexts.run((context) -> {
			assertThat(KafkaUtils.format(new ConsumerRecord<>("nhsjob.profiles.v1", 3, 42L, ADDRESS, VALUE)))
				.isEqualTo("nhsjob.profiles.v1-3@42");
			assertThat(KafkaUtils.format(new ProducerRecord<>("nhsjob.profiles.v1", ADDRESS, VALUE)))
				.isEqualTo("nhsjob.profiles.v1");
			assertThat(KafkaUtils.format(new ProducerRecord<>("nhsjob.profiles.v1", 2, ADDRESS, VALUE)))
				.isEqualTo("nhsjob.profiles.v1-2");
		});
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
