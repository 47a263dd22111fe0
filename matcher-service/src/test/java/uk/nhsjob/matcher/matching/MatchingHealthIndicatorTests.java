package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.background.BackgroundSettings;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Readiness: not before the index and the open vacancies are read once. */
class MatchingHealthIndicatorTests {

	private final AlertProfileReader profiles = mock(AlertProfileReader.class);

	private final OpenVacancyReader vacancies = mock(OpenVacancyReader.class);

	private final BackgroundReaders readers = new BackgroundReaders(new SimpleMeterRegistry(),
			MovableClock.stoppedAt(Instant.parse("2026-06-02T09:00:00.700Z"), ZoneOffset.UTC),
			BackgroundSettings.defaults());

	private final BackgroundReader profileReader = this.readers.register("match-index");

	private final MatchingHealthIndicator health = new MatchingHealthIndicator(this.vacancies, this.profiles,
			mock(ActiveAlertIndex.class),
			new OpenVacancies(Clock.fixed(Instant.parse("2026-06-02T09:00:00Z"), ZoneOffset.UTC)));

	@BeforeEach
	void readers() {
		given(this.profiles.reader()).willReturn(this.profileReader);
		given(this.vacancies.reader()).willReturn(this.readers.register("open-vacancies"));
	}

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

	@Test
	void namesWhatItWaitsForTheDependencyAndSinceWhen() {
		given(this.vacancies.hasCaughtUpOnce()).willReturn(true);
		this.profileReader.behind("the topic nhsjob.profiles.v1 does not exist yet");
		assertThat(this.health.health(true).getDetails()).containsEntry("waitingFor", "match-index")
			.containsEntry("dependency", "Kafka")
			.containsEntry("downSince", "2026-06-02T09:00:00Z")
			.containsEntry("reason", "the topic nhsjob.profiles.v1 does not exist yet");

		this.profileReader.failed(new DataAccessResourceFailureException("Timed out at 127.0.0.1:27017",
				new MongoTimeoutException("Timed out at 127.0.0.1:27017")));
		assertThat(this.health.health(true).getDetails()).containsEntry("dependency", "MongoDB")
			.containsEntry("error", "MongoTimeoutException")
			.doesNotContainKey("reason");
	}

}
