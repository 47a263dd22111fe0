package uk.nhsjob.notifier.deadletter;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.Emails;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.RecipientRegistry;
import uk.nhsjob.platform.kafka.DeadLetterReplay;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotifierIntegrationTest
class DeadLetterTests {

	/**
	 * The replay's consumer group: the same on every run, so a replay goes on from where
	 * the last one stopped instead of replaying every dead letter the broker still holds.
	 */
	private static final String REPLAY_GROUP = "notifier-service.replay";

	@Autowired
	EventPublisher publisher;

	@Autowired
	RecipientRegistry registry;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aDeadLetteredMatchIsCountedAndReplayedOntoItsTopic(Mailbox mailbox) throws Exception {
		Alert alert = Alert.unique();
		this.publisher.publish(Topics.PROFILES, alert.alertId(), alert.profile(1, AlertStatus.ACTIVE, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.registry.find(alert.alertId()).isPresent());
		double counted = this.meters.counter(DeadLetterCounter.METER, "topic", "nhsjob.alerts.v1.dlt").count();
		String match = JsonMapper.builder()
			.build()
			.writerFor(AlertMatch.class)
			.writeValueAsString(alert.matched(TestEvents.vacancy("Replayed Medical Secretary")));
		deadLetter(alert.alertId(), match);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.meters.counter(DeadLetterCounter.METER, "topic", "nhsjob.alerts.v1.dlt")
				.count() == counted + 1);
		assertThat(Emails.exactly(mailbox, alert.address(), 0)).isEmpty();

		DeadLetterReplay replay = new DeadLetterReplay(this.bootstrapServers, REPLAY_GROUP);
		int replayed = replay.replay(Topics.ALERTS);

		assertThat(replayed).isPositive();
		assertThat(MailContent.plainText(mailbox.awaitMessageTo(alert.address())))
			.contains("Replayed Medical Secretary");
		assertThat(replay.replay(Topics.ALERTS)).isZero();
	}

	/** As the failure policy leaves it: the record's bytes and a failure header. */
	private void deadLetter(String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetterTopicOf(Topics.ALERTS), key,
					value);
			record.headers().add("kafka_dlt-exception-message", "no profile yet".getBytes());
			producer.send(record).get();
		}
	}

}
