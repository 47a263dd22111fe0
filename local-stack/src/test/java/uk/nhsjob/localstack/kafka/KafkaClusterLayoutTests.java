package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a cluster of three nodes writes and where, without starting one. */
class KafkaClusterLayoutTests {

	private static final List<KafkaNodePorts> THREE = List.of(new KafkaNodePorts(9092, 9095),
			new KafkaNodePorts(9093, 9096), new KafkaNodePorts(9094, 9097));

	@TempDir
	Path folder;

	@Test
	void eachNodeOfThreeIsBrokerAndControllerWithItsOwnIdListenersAndTheThreeVoters() throws IOException {
		for (int nodeId = 1; nodeId <= 3; nodeId++) {
			Path data = this.folder.resolve("broker-" + nodeId + "/data");
			Properties written = load(new KafkaServerProperties("127.0.0.1", nodeId, THREE, data)
				.writeTo(this.folder.resolve("broker-" + nodeId + "/server.properties")));

			int port = 9091 + nodeId;
			int controllerPort = 9094 + nodeId;
			assertThat(written).containsEntry("process.roles", "broker,controller")
				.containsEntry("node.id", String.valueOf(nodeId))
				.containsEntry("controller.quorum.voters", "1@127.0.0.1:9095,2@127.0.0.1:9096,3@127.0.0.1:9097")
				.containsEntry("listeners",
						"PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort)
				.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port)
				.containsEntry("inter.broker.listener.name", "PLAINTEXT")
				.containsEntry("log.dirs", data.toAbsolutePath().toString());
			// a static quorum: no dynamic bootstrap, formatted without --standalone
			assertThat(written).doesNotContainKey("controller.quorum.bootstrap.servers");
		}
	}

	@Test
	void threeNodesKeepThreeCopiesOfEveryTopicAndNeedTwoInSync() throws IOException {
		Properties written = load(new KafkaServerProperties("127.0.0.1", 2, THREE, this.folder.resolve("data"))
			.writeTo(this.folder.resolve("server.properties")));

		assertThat(written).containsEntry("default.replication.factor", "3")
			.containsEntry("min.insync.replicas", "2")
			.containsEntry("offsets.topic.replication.factor", "3")
			.containsEntry("transaction.state.log.replication.factor", "3")
			.containsEntry("transaction.state.log.min.isr", "2")
			.containsEntry("share.coordinator.state.topic.replication.factor", "3")
			.containsEntry("share.coordinator.state.topic.min.isr", "2")
			.containsEntry("auto.create.topics.enable", "false");
	}

	@Test
	void aSingleNodeKeepsOneCopyAndAQuorumOfItself() {
		KafkaServerProperties single = KafkaServerProperties.singleNode("127.0.0.1", 9092, 9093,
				this.folder.resolve("data"));

		assertThat(single.replicationFactor()).isEqualTo(1);
		assertThat(single.minInsyncReplicas()).isEqualTo(1);
		assertThat(single.settings()).containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
			.doesNotContainKey("controller.quorum.voters");
	}

	@Test
	void namesAndFoldersASingleNodeAsBeforeAndTheNodesOfAClusterByTheirIds() {
		assertThat(KafkaCluster.nodeName(1, 1)).isEqualTo("kafka");
		assertThat(KafkaCluster.nodeFolder(this.folder, 1, 1)).isEqualTo(this.folder);
		assertThat(KafkaCluster.nodeName(3, 3)).isEqualTo("kafka-3");
		assertThat(KafkaCluster.nodeFolder(this.folder, 3, 3)).isEqualTo(this.folder.resolve("broker-3"));
	}

	@Test
	void readsTheClusterIdAFormattedNodeWasGiven() throws IOException {
		Path data = Files.createDirectories(this.folder.resolve("data"));
		assertThat(KafkaBroker.clusterId(data)).isEmpty();

		Files.writeString(data.resolve("meta.properties"), "version=1\ncluster.id=q1Sh-9_4TQaVuCtVu3TpAg\nnode.id=2\n");
		assertThat(KafkaBroker.clusterId(data)).contains("q1Sh-9_4TQaVuCtVu3TpAg");
	}

	@Test
	void choosesDistinctFreePortsForEveryNode() {
		List<KafkaNodePorts> ports = KafkaCluster.freePorts(3);

		assertThat(ports).hasSize(3);
		assertThat(ports.stream().flatMap((node) -> List.of(node.port(), node.controllerPort()).stream()))
			.doesNotHaveDuplicates()
			.allMatch((port) -> port > 0);
	}

	@Test
	void findsTheBrokerJarsFromTheRepositoryOrAModuleBesideLocalStack() throws IOException {
		Path root = this.folder.resolve("repo");
		Path jars = Files.createDirectories(root.resolve("local-stack/target/kafka-libs"));
		Files.createDirectories(root.resolve("system-tests"));
		assertThatIllegalStateException().isThrownBy(() -> KafkaLibraries.built(root.resolve("system-tests")))
			.withMessageContaining("package the local-stack module");

		Files.writeString(jars.resolve("kafka_2.13-4.1.2.jar"), "");

		String classPath = jars.toAbsolutePath() + java.io.File.separator + "*";
		assertThat(KafkaLibraries.built(root.resolve("system-tests")).classPath()).isEqualTo(classPath);
		assertThat(KafkaLibraries.built(root).classPath()).isEqualTo(classPath);
		assertThat(KafkaLibraries.built(root.resolve("local-stack")).classPath()).isEqualTo(classPath);
	}

	/** As Kafka does: an InputStream, so ISO 8859-1. */
	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		return properties;
	}

}
