package uk.nhsjob.matcher.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.matcher.ServiceClock;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sent checkpoint in MongoDB, written by several instances at once: it only ever
 * moves forward.
 */
@RealInfrastructure
class SentCheckpointTests {

	private final TopicPartition partition = new TopicPartition("test-alerts-" + UUID.randomUUID(), 2);

	@Test
	void startsAbsentAndStandsWhereItWasMoved() {
		try (MongoClient client = client()) {
			SentCheckpoint checkpoint = checkpoint(client);
			assertThat(checkpoint.offsets(List.of(this.partition))).isEmpty();

			checkpoint.advance(Map.of(this.partition, 40L));

			assertThat(checkpoint.offsets(List.of(this.partition))).containsExactly(Map.entry(this.partition, 40L));
		}
	}

	@Test
	void anInstanceThatIsBehindNeverMovesItBack() {
		try (MongoClient first = client(); MongoClient second = client()) {
			checkpoint(first).advance(Map.of(this.partition, 500L));

			checkpoint(second).advance(Map.of(this.partition, 120L));

			assertThat(checkpoint(first).offsets(List.of(this.partition)))
				.containsExactly(Map.entry(this.partition, 500L));
		}
	}

	@Test
	void twoWritersAtOnceLeaveTheFurthestOffset() throws Exception {
		int steps = 200;
		try (MongoClient first = client(); MongoClient second = client()) {
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService writers = Executors.newFixedThreadPool(2);
			try {
				// one writer goes up by even offsets, the other down from the top by odd
				// ones
				List<Future<?>> done = new ArrayList<>();
				done.add(writers.submit(writing(checkpoint(first), go, steps, (step) -> 2L * step)));
				done.add(writers.submit(writing(checkpoint(second), go, steps, (step) -> 2L * (steps - step) + 1)));
				go.countDown();
				for (Future<?> writer : done) {
					writer.get();
				}
			}
			finally {
				writers.shutdownNow();
			}
			assertThat(checkpoint(first).offsets(List.of(this.partition)))
				.containsExactly(Map.entry(this.partition, 2L * steps + 1));
		}
	}

	private Callable<Void> writing(SentCheckpoint checkpoint, CountDownLatch go, int steps,
			java.util.function.IntToLongFunction offsetAt) {
		return () -> {
			go.await();
			for (int step = 0; step <= steps; step++) {
				long before = checkpoint.offsets(List.of(this.partition)).getOrDefault(this.partition, -1L);
				checkpoint.advance(Map.of(this.partition, offsetAt.applyAsLong(step)));
				long after = checkpoint.offsets(List.of(this.partition)).get(this.partition);
				assertThat(after).as("never moves back").isGreaterThanOrEqualTo(before);
			}
			return null;
		};
	}

	private static SentCheckpoint checkpoint(MongoClient client) {
		return new SentCheckpoint(new MongoTemplate(client, "nhsjob-sent-checkpoint-tests"), ServiceClock.LONDON);
	}

	private static MongoClient client() {
		return MongoClients.create(TestInfrastructure.shared().mongoUri());
	}

}
