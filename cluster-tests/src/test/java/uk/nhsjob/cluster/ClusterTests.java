package uk.nhsjob.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.SlowTest;

/**
 * The short version of the multi-instance run, in {@code ./mvnw verify}: one Kafka
 * broker, two matcher instances (one of ingest and notifier), each in a JVM of its own; a
 * seeded workload of two rounds, no faults. Every inbox must be what the oracle says
 * ({@link ClusterRunner}). The full runs are {@code ClusterRunsTests}
 * ({@code ./cluster-test.sh}).
 */
@SlowTest
class ClusterTests {

	@Test
	void twoMatchersOnOneBrokerDeliverEveryInboxExactly() {
		ClusterRunner.runAndCheck(ClusterLayout.inVerify(), new ClusterRun.Settings(2, 15, false),
				Path.of("target", "cluster-tests", "in-verify"));
	}

}
