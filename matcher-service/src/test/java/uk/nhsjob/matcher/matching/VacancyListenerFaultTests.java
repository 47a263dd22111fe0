package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.kafka.KafkaException;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.matcher.alert.ProfileRepublication;
import uk.nhsjob.platform.kafka.FailurePolicyProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * How the failure policy treats what the transactional vacancy listener throws. Its
 * container runs the policy as an after-rollback processor, classified as the error
 * handler the probe runs (KafkaFailurePolicy).
 */
class VacancyListenerFaultTests {

	private final OpenVacancies openVacancies = mock(OpenVacancies.class);

	private final Matchmaker matchmaker = mock(Matchmaker.class);

	private final AlertProfileReader profiles = mock(AlertProfileReader.class);

	private final ReadWatermark watermark = mock(ReadWatermark.class);

	private final ProfileRepublication republication = mock(ProfileRepublication.class);

	private final VacancyListener listener = new VacancyListener(this.openVacancies, this.matchmaker, this.profiles,
			new TopicReadingSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(15)), this.republication);

	@BeforeEach
	void indexCaughtUp() throws InterruptedException {
		given(this.openVacancies.today()).willReturn(Vacancies.today());
		given(this.republication.completedAt()).willReturn(Optional.of(Instant.EPOCH));
		given(this.profiles.watermark()).willReturn(this.watermark);
		given(this.watermark.awaitCovering(any(), any())).willReturn(true);
	}

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aVacancyWhoseRepublicationCheckFailsIsRetriedWithoutEnd(Exception fault) {
		given(this.republication.completedAt()).willThrow(fault);

		assertThat(outcomeOf(published())).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("matchingFaults")
	void aVacancyWhoseMatchingFailsForAWhileIsRetriedWithoutEnd(Exception fault) {
		given(this.matchmaker.matchVacancy(any(), any())).willThrow(fault);

		assertThat(outcomeOf(published())).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	static Stream<Named<Exception>> matchingFaults() {
		return Stream
			.concat(FailurePolicyProbe.mongoDbAway(),
					Stream.of(
							Named.of("Kafka's timeout",
									new org.apache.kafka.common.errors.TimeoutException(
											"Topic not present in metadata")),
							Named.of("Kafka's timeout under the template's", new KafkaException("Send failed",
									new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)")))));
	}

	@Test
	void aVacancyAheadOfTheAlertIndexIsRetriedWithoutEnd() throws InterruptedException {
		given(this.watermark.awaitCovering(any(), any())).willReturn(false);

		assertThat(outcomeOf(published())).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@Test
	@SuppressWarnings("DataFlowIssue") // as hostile JSON may leave it
	void aVacancyRecordWithoutAVacancyIsDeadLetteredAtOnce() {
		assertThat(outcomeOf(new VacancyPublished(UUID.randomUUID(), 1, Instant.EPOCH, null)))
			.isEqualTo(FailurePolicyProbe.Outcome.DEAD_LETTERED_AT_ONCE);
	}

	private static VacancyPublished published() {
		return VacancyPublished.of(Vacancies.vacancy().build(), Instant.EPOCH);
	}

	private FailurePolicyProbe.Outcome outcomeOf(VacancyPublished published) {
		ConsumerRecord<String, VacancyPublished> record = new ConsumerRecord<>(Topics.VACANCIES, 0, 0, "leeds-trust:1",
				published);
		return FailurePolicyProbe.outcomeOf(catchException(() -> this.listener.onVacancy(record)), Topics.VACANCIES);
	}

}
