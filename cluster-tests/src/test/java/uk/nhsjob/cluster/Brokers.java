package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A KRaft cluster of real Apache Kafka nodes (broker and controller in one), each in a
 * JVM of its own run from this test's class path, where spring-kafka-test puts the
 * broker's jars. With three nodes: replication factor 3 and {@code min.insync.replicas}
 * 2, as docs/operations.md asks for several instances. A node killed with {@code -9}
 * restarts on its own storage.
 */
final class Brokers implements AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private final Path folder;

	private final int[] ports;

	private final int[] controllerPorts;

	private final ChildJvm[] nodes;

	private final String clusterId = Uuid.randomUuid().toString();

	private Brokers(Path folder, int count) {
		this.folder = folder;
		this.ports = new int[count];
		this.controllerPorts = new int[count];
		this.nodes = new ChildJvm[count];
		for (int i = 0; i < count; i++) {
			this.ports[i] = freePort();
			this.controllerPorts[i] = freePort();
		}
	}

	/** Formats and starts {@code count} nodes and waits until all of them answer. */
	static Brokers start(Path folder, int count) {
		Brokers brokers = new Brokers(folder, count);
		try {
			for (int i = 0; i < count; i++) {
				brokers.format(i);
			}
			for (int i = 0; i < count; i++) {
				brokers.startNode(i);
			}
			brokers.awaitAll(count, Duration.ofMinutes(3));
			return brokers;
		}
		catch (RuntimeException ex) {
			brokers.close();
			throw ex;
		}
	}

	int count() {
		return this.nodes.length;
	}

	String bootstrapServers() {
		List<String> servers = new ArrayList<>();
		for (int port : this.ports) {
			servers.add("127.0.0.1:" + port);
		}
		return String.join(",", servers);
	}

	/** {@code kill -9} of node {@code index}. */
	void kill(int index) {
		this.nodes[index].kill();
	}

	/**
	 * Starts node {@code index} again, on its storage, and waits until the cluster has
	 * every node.
	 */
	void restart(int index) {
		startNode(index);
		awaitAll(count(), Duration.ofMinutes(2));
	}

	ChildJvm node(int index) {
		return this.nodes[index];
	}

	private Path config(int index) {
		return this.folder.resolve("kafka-" + (index + 1)).resolve("server.properties");
	}

	private void format(int index) {
		Path config = writeConfig(index);
		ChildJvm formatter = ChildJvm.start("kafka-" + (index + 1) + "-format", jvmOptions(), "kafka.tools.StorageTool",
				List.of("format", "-t", this.clusterId, "-c", config.toString()), config.resolveSibling("kafka.log"));
		int exit = formatter.awaitExit(Duration.ofMinutes(2));
		if (exit != 0) {
			formatter.kill();
			throw new IllegalStateException(
					"Formatting Kafka node " + (index + 1) + " failed (exit " + exit + "):\n" + formatter.logTail(30));
		}
	}

	private void startNode(int index) {
		Path config = config(index);
		this.nodes[index] = ChildJvm.start("kafka-" + (index + 1), jvmOptions(), "kafka.Kafka",
				List.of(config.toString()), config.resolveSibling("kafka.log"));
	}

	/**
	 * The JVM options, with a logging configuration that keeps the broker's log short.
	 */
	private List<String> jvmOptions() {
		Path logging = this.folder.resolve("logback-broker.xml");
		try {
			Files.createDirectories(this.folder);
			Files.writeString(logging, """
					<configuration>
					  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
					    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
					  </appender>
					  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
					  <root level="WARN"><appender-ref ref="out"/></root>
					</configuration>
					""", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		options.add("-Dlogback.configurationFile=" + logging.toAbsolutePath());
		return options;
	}

	private Path writeConfig(int index) {
		int count = this.nodes.length;
		String voters = java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + this.controllerPorts[i])
			.collect(Collectors.joining(","));
		int replicas = Math.min(3, count);
		int minInsync = Math.min(2, count);
		Path dir = this.folder.resolve("kafka-" + (index + 1));
		List<String> lines = List.of("process.roles=broker,controller", "node.id=" + (index + 1),
				"controller.quorum.voters=" + voters,
				"listeners=PLAINTEXT://127.0.0.1:" + this.ports[index] + ",CONTROLLER://127.0.0.1:"
						+ this.controllerPorts[index],
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.ports[index],
				"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + dir.resolve("data").toAbsolutePath(), "num.partitions=1",
				"auto.create.topics.enable=false", "offsets.topic.replication.factor=" + replicas,
				"offsets.topic.num.partitions=6", "transaction.state.log.replication.factor=" + replicas,
				"transaction.state.log.min.isr=" + minInsync, "transaction.state.log.num.partitions=6",
				"default.replication.factor=" + replicas, "min.insync.replicas=" + minInsync,
				"group.initial.rebalance.delay.ms=0", "num.network.threads=2", "num.io.threads=2",
				"background.threads=2", "log.cleaner.threads=1", "log.cleaner.dedupe.buffer.size=2097152",
				"unclean.leader.election.enable=false");
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve("server.properties"), lines, StandardCharsets.UTF_8);
			return dir.resolve("server.properties");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitAll(int expected, Duration timeout) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
		try (Admin admin = Admin.create(config)) {
			await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				for (ChildJvm node : this.nodes) {
					if (node != null && !node.isAlive()) {
						throw new IllegalStateException("Kafka node " + node + " stopped:\n" + node.logTail(30));
					}
				}
				try {
					return admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
						.nodes()
						.get(5, TimeUnit.SECONDS)
						.size() == expected;
				}
				catch (Exception ex) {
					return false;
				}
			});
		}
	}

	static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		for (ChildJvm node : this.nodes) {
			if (node != null) {
				node.stop(Duration.ofSeconds(20));
			}
		}
	}

}
