package uk.nhsjob.matcher.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.util.unit.DataSize;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherSettings;
import uk.nhsjob.matcher.alert.link.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The profile publisher's rules across instances, with the broker and MongoDB faked: the
 * lease, and the tombstone of an alert erased while its profile was in flight.
 */
class ProfilePublisherTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final AlertLinks links = new AlertLinks(
			new LinkTokens("a secret of at least thirty-two characters".getBytes(StandardCharsets.UTF_8), this.clock),
			new MatcherSettings("https://alerts.example", Duration.ofDays(7), 10, Duration.ofSeconds(5), 5,
					DataSize.ofKilobytes(16), Duration.ofMinutes(1)),
			this.clock);

	@SuppressWarnings("unchecked")
	private final KafkaOperations<String, Object> kafka = mock();

	private final Alerts alerts = mock();

	private final AlertPublications publications = mock();

	private final ProfilePublisher publisher = new ProfilePublisher(this.kafka, mock(MongoOperations.class),
			this.alerts, this.links, mock(ErasureCompletion.class), this.publications, this.clock);

	private final Alert alert = new Alert("3d69b9d5-a79b-4043-bb3f-bb59c93fc6c4", "someone@example.org",
			Criteria.ANY.normalised(), Frequency.INSTANT, AlertStatus.PAUSED, 4L, 1, 1, NOW, NOW, NOW, true, false,
			false, 1);

	@Test
	void aStaleProfileOfAnAlertErasedMeanwhileIsFollowedByItsTombstone() {
		given(this.publications.takeLease(anyString(), any())).willReturn(NOW.plusSeconds(60));
		// read once to be sent; gone (erased by another instance) once it has landed
		given(this.alerts.findById(this.alert.id())).willReturn(Optional.of(this.alert), Optional.empty());
		given(this.kafka.send(anyString(), anyString(), any())).willAnswer((call) -> landed(call.getArgument(2)));

		this.publisher.publish(this.alert.id());

		InOrder sends = inOrder(this.kafka);
		sends.verify(this.kafka).send(eq(Topics.PROFILES), eq(this.alert.id()), any(AlertProfileChanged.class));
		sends.verify(this.kafka).send(eq(Topics.PROFILES), eq(this.alert.id()), isNull());
	}

	@Test
	void sendsNothingWhileAnotherInstanceHoldsTheLease() {
		given(this.publications.takeLease(anyString(), any())).willReturn(null);
		given(this.alerts.findById(this.alert.id())).willReturn(Optional.of(this.alert));

		assertThat(this.publisher.publish(this.alert.id())).isFalse();

		verify(this.kafka, never()).send(anyString(), anyString(), any());
	}

	private static CompletableFuture<SendResult<String, Object>> landed(Object value) {
		RecordMetadata metadata = new RecordMetadata(new TopicPartition(Topics.PROFILES, 0), 0, 0, NOW.toEpochMilli(),
				0, 0);
		return CompletableFuture
			.completedFuture(new SendResult<>(new ProducerRecord<>(Topics.PROFILES, "key", value), metadata));
	}

}
