package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaServerPropertiesTests {

	@TempDir
	Path folder;

	@Test
	void writesASingleNodeKraftBrokerThatIsItsOwnControllerOnLoopback() throws IOException {
		Path data = this.folder.resolve("kafka/data");
		Path file = KafkaServerProperties.singleNode("127.0.0.1", 9092, 9093, data)
			.writeTo(this.folder.resolve("kafka/server.properties"));

		Properties written = load(file);
		assertThat(written).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
			.containsEntry("log.dirs", data.toAbsolutePath().toString())
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("min.insync.replicas", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0")
			.containsEntry("auto.create.topics.enable", "false");
		// a dynamic quorum, formatted with --standalone: no static voters
		assertThat(written).doesNotContainKey("controller.quorum.voters");
	}

	@Test
	void keepsAFolderWithBackslashesSpacesAndAccentsIntactAsKafkaReadsIt() throws IOException {
		Path data = this.folder.resolve("José's data \\ 1");
		Path file = KafkaServerProperties.singleNode("127.0.0.1", 9092, 9093, data)
			.writeTo(this.folder.resolve("s.properties"));

		assertThat(Files.readString(file)).isASCII();
		assertThat(load(file)).containsEntry("log.dirs", data.toAbsolutePath().toString());
	}

	@Test
	void tellsWhetherTheStorageIsFormatted() throws IOException {
		Path data = Files.createDirectories(this.folder.resolve("data"));
		assertThat(KafkaBroker.isFormatted(data)).isFalse();

		Files.writeString(data.resolve("meta.properties"), "cluster.id=x\n");
		assertThat(KafkaBroker.isFormatted(data)).isTrue();
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
