package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Readiness: not before the index and the open vacancies are read once. */
class MatchingHealthIndicatorTests {

	private final AlertProfileReader profiles = mock(AlertProfileReader.class);

	private final OpenVacancyReader vacancies = mock(OpenVacancyReader.class);

	private final MatchingHealthIndicator health = new MatchingHealthIndicator(this.vacancies, this.profiles,
			mock(ActiveAlertIndex.class),
			new OpenVacancies(Clock.fixed(Instant.parse("2026-06-02T09:00:00Z"), ZoneOffset.UTC)));

	@Test
	void isOutOfServiceUntilTheIndexIsRead() {
		given(this.vacancies.hasCaughtUpOnce()).willReturn(true);
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isOutOfServiceUntilTheOpenVacanciesAreRead() {
		given(this.profiles.hasCaughtUpOnce()).willReturn(true);
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		given(this.vacancies.hasCaughtUpOnce()).willReturn(true);
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
	}

}
