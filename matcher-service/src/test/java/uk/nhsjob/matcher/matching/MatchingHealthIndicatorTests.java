package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Readiness: not before the index is rebuilt and the open vacancies are read. */
class MatchingHealthIndicatorTests {

	private static final TopicPartition PARTITION = new TopicPartition("vacancies", 0);

	private final MatchingStartup startup = mock(MatchingStartup.class);

	private final ActiveAlerts activeAlerts = mock(ActiveAlerts.class);

	private final RebuildProgress vacancies = new RebuildProgress();

	private final MatchingHealthIndicator health = new MatchingHealthIndicator(this.startup, this.vacancies,
			this.activeAlerts, new OpenVacancies(Clock.fixed(Instant.parse("2026-06-02T09:00:00Z"), ZoneOffset.UTC)));

	@Test
	void isOutOfServiceUntilTheIndexIsRebuilt() {
		this.vacancies.started(Map.of(PARTITION, 0L));
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isOutOfServiceUntilTheOpenVacanciesAreRead() {
		given(this.startup.isDone()).willReturn(true);
		given(this.activeAlerts.isBuilt()).willReturn(true);
		this.vacancies.started(Map.of(PARTITION, 5L));
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		this.vacancies.readUpTo(PARTITION, 5);
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
	}

}
