package uk.nhsjob.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.platform.kafka.FailurePolicyProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** How the failure policy treats what the vacancy stream's closure listener throws. */
class VacancyClosureListenerFaultTests {

	private final MongoTemplate mongo = mock(MongoTemplate.class);

	private final VacancyClosureListener listener = new VacancyClosureListener(new ClosedVacancies(this.mongo));

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aClosureThatCannotBeStoredIsRetriedWithoutEnd(Exception fault) {
		given(this.mongo.upsert(any(), any(), eq(ClosedVacancy.class))).willThrow(fault);
		VacancyPublished closed = TestEvents.closed(TestEvents.uniqueVacancyId());

		assertThat(outcomeOf(closed.vacancy().id(), closed)).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aTombstoneThatCannotBeAppliedIsRetriedWithoutEnd(Exception fault) {
		given(this.mongo.remove(any(), eq(ClosedVacancy.class))).willThrow(fault);

		assertThat(outcomeOf(TestEvents.uniqueVacancyId(), null))
			.isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@Test
	@SuppressWarnings("DataFlowIssue") // as hostile JSON may leave it
	void aVacancyRecordWithoutAVacancyIsDeadLetteredAtOnce() {
		VacancyPublished empty = new VacancyPublished(UUID.randomUUID(), 1, Instant.EPOCH, null);

		assertThat(outcomeOf(TestEvents.uniqueVacancyId(), empty))
			.isEqualTo(FailurePolicyProbe.Outcome.DEAD_LETTERED_AT_ONCE);
	}

	private FailurePolicyProbe.Outcome outcomeOf(String vacancyId, VacancyPublished published) {
		ConsumerRecord<String, VacancyPublished> record = new ConsumerRecord<>(Topics.VACANCIES, 0, 0, vacancyId,
				published);
		return FailurePolicyProbe.outcomeOf(catchException(() -> this.listener.on(record)), Topics.VACANCIES);
	}

}
