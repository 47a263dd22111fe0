package uk.nhsjob.ingest.pull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The scheduler reports itself in the {@code background} health group: failing while
 * MongoDB is away, caught up once it can look for due pulls again.
 */
class PullSchedulerTests {

	private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);

	private final PullSettings settings = new PullSettings(Duration.ofMinutes(15), Duration.ofSeconds(10),
			Duration.ofMinutes(10), Duration.ofMinutes(1), 5, 20);

	private final MongoOperations mongo = mock(MongoOperations.class, RETURNS_DEEP_STUBS);

	private final BackgroundReader reader = new BackgroundReaders(new SimpleMeterRegistry())
		.register(PullScheduler.READER);

	@Test
	void failsWhileMongoDbIsAwayAndCatchesUpWhenItIsBack() {
		PullStore store = new PullStore(this.mongo, this.settings, this.clock);
		PullScheduler scheduler = new PullScheduler(store, null, this.settings, this.clock, this.reader);
		when(this.mongo.findAndModify(any(Query.class), any(Update.class), any(FindAndModifyOptions.class),
				eq(SourcePull.class)))
			.thenThrow(new DataAccessResourceFailureException("MongoDB is away"))
			.thenReturn(null);

		assertThat(scheduler.tick()).isZero();
		assertThat(this.reader.state()).isEqualTo(BackgroundReader.State.FAILING);

		assertThat(scheduler.tick()).isZero();
		assertThat(this.reader.state()).isEqualTo(BackgroundReader.State.CAUGHT_UP);
	}

}
