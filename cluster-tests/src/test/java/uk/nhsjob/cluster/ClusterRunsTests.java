package uk.nhsjob.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The multi-instance runs on real processes, as the local stack's cluster mode lays them
 * out (docs/local-stack.md): three Kafka brokers (replication factor 3,
 * {@code min.insync.replicas} 2), two instances of ingest, matcher and notifier, each in
 * a JVM of its own, one MongoDB-wire server and one SMTP server; a seeded workload of a
 * few hundred alerts. First without faults, then with a Kafka broker and one instance of
 * each service killed -9 and started again while the workload runs. Each prints its
 * table; every inbox must be what the oracle says, with nothing lost and nothing sent
 * twice (but, after a kill, an email the server accepted before the notifier recorded it:
 * the same Message-ID, counted apart).
 * <p>
 * Not in {@code ./mvnw verify} (tag {@value #TAG}): {@code ./cluster-test.sh} runs them
 * ({@code -Dcluster.seed=…} repeats a run, {@code -Dcluster.rounds=…} and
 * {@code -Dcluster.alerts-per-round=…} size it).
 */
@Tag(ClusterRunsTests.TAG)
class ClusterRunsTests {

	static final String TAG = "cluster";

	private static final ClusterRun.Settings SIZE = new ClusterRun.Settings(Integer.getInteger("cluster.rounds", 6),
			Integer.getInteger("cluster.alerts-per-round", 45), false);

	@Test
	void withoutFaultsEveryInboxIsExact() {
		ClusterRunner.runAndCheck(ClusterLayout.full(), SIZE, Path.of("target", "cluster-tests", "without-faults"));
	}

	@Test
	void withABrokerAndAnInstanceOfEachServiceKilledEveryInboxIsExact() {
		ClusterRunner.runAndCheck(ClusterLayout.full(),
				new ClusterRun.Settings(Math.max(5, SIZE.rounds()), SIZE.alertsPerRound(), true),
				Path.of("target", "cluster-tests", "with-faults"));
	}

}
