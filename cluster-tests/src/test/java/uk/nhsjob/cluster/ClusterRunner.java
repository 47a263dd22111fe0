package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a cluster, runs the workload on it, prints the table, and checks it: nothing
 * lost, nothing listed twice under another Message-ID, nothing listed that was not owed,
 * every welcome set right, no request of the workload refused; without faults, nothing
 * listed twice at all. The seed is printed, and {@code -Dcluster.seed} sets it.
 */
final class ClusterRunner {

	private ClusterRunner() {
	}

	static void runAndCheck(ClusterLayout layout, ClusterRun.Settings settings, Path folder) {
		long seed = Long.getLong("cluster.seed", System.nanoTime());
		clean(folder);
		ClusterRun.Result result;
		try (Cluster cluster = Cluster.start(layout, folder, ClusterRunner::say)) {
			result = new ClusterRun(cluster, seed, settings, ClusterRunner::say).run();
		}
		say("Seed " + seed + ", " + layout + ", " + settings + ": the workload took " + result.took().toSeconds()
				+ " s\n" + result.tally().table());
		result.problems().forEach((problem) -> say("workload: " + problem));
		result.tally().problems().stream().limit(60).forEach((problem) -> say("tally: " + problem));
		assertThat(result.problems()).as("the workload's requests and records (seed " + seed + ")").isEmpty();
		assertThat(result.tally().isExact())
			.as("every inbox as the oracle says (seed " + seed + "): " + result.tally().problems())
			.isTrue();
		if (!settings.faults()) {
			assertThat(result.tally().sameMessageIdDuplicates())
				.as("emails sent twice without a fault (seed " + seed + ")")
				.isZero();
		}
	}

	private static void say(String message) {
		System.out.println(Instant.now() + " [cluster] " + message);
	}

	private static void clean(Path folder) {
		try {
			if (Files.exists(folder)) {
				try (var paths = Files.walk(folder)) {
					paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
