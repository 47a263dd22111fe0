package uk.nhsjob.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.SlowTest;

@SlowTest
class SmokeTmpTests {

	@Test
	void starts() {
		try (Cluster cluster = Cluster.start(new ClusterLayout(Integer.getInteger("b", 3), 1, 1, 1),
				Path.of("target", "cluster-smoke"), System.out::println)) {
			System.out.println("UP " + cluster.all());
		}
	}

}
