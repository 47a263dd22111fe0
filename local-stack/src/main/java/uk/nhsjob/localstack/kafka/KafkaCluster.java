package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

import uk.nhsjob.localstack.process.ChildProcess;

/**
 * A KRaft cluster of one or more nodes on loopback, each both broker and controller in a
 * JVM of its own ({@link KafkaBroker}), for the local stack and for tests on real
 * processes. Three nodes make a three-voter quorum; topics default to three copies with
 * two in sync ({@link KafkaServerProperties}).
 * <p>
 * A single node keeps its {@code server.properties} and {@code data/} in the folder
 * itself, and is called {@code kafka}; node {@code i} of a larger cluster keeps them in
 * {@code broker-i/} and is called {@code kafka-i}. Each node's storage is formatted once,
 * all with one cluster id (taken from a node already formatted, so a node whose folder
 * was lost joins again), and reused on every later start.
 *
 * <pre>{@code
 * KafkaCluster cluster = KafkaCluster.startOnFreePorts(KafkaLibraries.built(Path.of("")), folder, 3);
 * cluster.awaitReady(Duration.ofMinutes(2));
 * cluster.broker(2).kill();                   // kill -9
 * cluster.restart(2);                         // started again on its storage, then ready
 * cluster.close();
 * }</pre>
 */
public final class KafkaCluster implements AutoCloseable {

	public static final String HOST = "127.0.0.1";

	private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(2);

	private final List<KafkaBroker> brokers;

	private KafkaCluster(List<KafkaBroker> brokers) {
		this.brokers = brokers;
	}

	/**
	 * Starts a cluster of {@code nodes} nodes on free loopback ports, its data and logs
	 * in the folder, without waiting for it.
	 */
	public static KafkaCluster startOnFreePorts(KafkaLibraries libs, Path folder, int nodes) {
		return start(libs, folder, freePorts(nodes));
	}

	/**
	 * Starts a cluster with a node on each pair of ports, its data in the folder and each
	 * node's log in {@code folder/logs/}, without waiting for it.
	 */
	public static KafkaCluster start(KafkaLibraries libs, Path folder, List<KafkaNodePorts> ports) {
		return start(libs, folder, ports, folder.resolve("logs"), folder, (message) -> {
		});
	}

	/**
	 * Starts a cluster without waiting for it, formatting what is not formatted yet.
	 * @param folder the cluster's folder
	 * @param ports a node on each pair, node 1 first
	 * @param logs where each node's log goes ({@code kafka.log}, {@code kafka-<i>.log})
	 * @param stackDir the data folder recorded in each child's command line
	 * @param say told what is being done
	 */
	public static KafkaCluster start(KafkaLibraries libs, Path folder, List<KafkaNodePorts> ports, Path logs,
			Path stackDir, Consumer<String> say) {
		if (ports.isEmpty()) {
			throw new IllegalArgumentException("A cluster needs a node at least");
		}
		List<KafkaServerProperties> nodes = new ArrayList<>();
		for (int nodeId = 1; nodeId <= ports.size(); nodeId++) {
			nodes.add(new KafkaServerProperties(HOST, nodeId, ports,
					nodeFolder(folder, nodeId, ports.size()).resolve("data")));
		}
		format(libs, folder, nodes, logs, stackDir, say);
		List<KafkaBroker> brokers = new ArrayList<>();
		KafkaCluster cluster = new KafkaCluster(brokers);
		try {
			for (KafkaServerProperties node : nodes) {
				String name = nodeName(node.nodeId(), nodes.size());
				brokers.add(KafkaBroker.start(name, node, libs, nodeFolder(folder, node.nodeId(), nodes.size()),
						stackDir, logs.resolve(name + ".log")));
			}
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/** {@code kafka} alone, {@code kafka-<i>} in a cluster. */
	static String nodeName(int nodeId, int nodes) {
		return (nodes == 1) ? "kafka" : "kafka-" + nodeId;
	}

	/** The folder itself alone, {@code broker-<i>/} in a cluster. */
	static Path nodeFolder(Path folder, int nodeId, int nodes) {
		return (nodes == 1) ? folder : folder.resolve("broker-" + nodeId);
	}

	private static void format(KafkaLibraries libs, Path folder, List<KafkaServerProperties> nodes, Path logs,
			Path stackDir, Consumer<String> say) {
		List<KafkaServerProperties> unformatted = nodes.stream()
			.filter((node) -> !KafkaBroker.isFormatted(node.logDirs()))
			.toList();
		if (unformatted.isEmpty()) {
			return;
		}
		String clusterId = nodes.stream()
			.map((node) -> KafkaBroker.clusterId(node.logDirs()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseGet(() -> Uuid.randomUuid().toString());
		say.accept("Formatting Kafka's storage in "
				+ unformatted.stream().map((node) -> node.logDirs().toString()).collect(Collectors.joining(", ")));
		List<ChildProcess> formatters = new ArrayList<>();
		for (KafkaServerProperties node : unformatted) {
			String name = nodeName(node.nodeId(), nodes.size());
			formatters.add(KafkaBroker.startFormatting(name, node, libs,
					nodeFolder(folder, node.nodeId(), nodes.size()), clusterId, stackDir, logs.resolve(name + ".log")));
		}
		for (ChildProcess formatter : formatters) {
			int exit = formatter.awaitExit(FORMAT_TIMEOUT);
			if (exit != 0) {
				formatters.forEach((each) -> each.stop(Duration.ofSeconds(5)));
				throw new IllegalStateException("Formatting Kafka's storage failed (" + formatter.name() + ", exit "
						+ exit + "); see " + formatter.log() + ":\n" + formatter.logTail(20));
			}
		}
	}

	/** A pair of free loopback ports for each node. */
	public static List<KafkaNodePorts> freePorts(int nodes) {
		List<ServerSocket> held = new ArrayList<>();
		try {
			List<KafkaNodePorts> ports = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				ports.add(new KafkaNodePorts(hold(held), hold(held)));
			}
			return ports;
		}
		finally {
			for (ServerSocket socket : held) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// it was only holding the port while the others were chosen
				}
			}
		}
	}

	private static int hold(List<ServerSocket> held) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
			held.add(socket);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

	/**
	 * Waits until every node runs and the cluster reports all of them.
	 * @throws IllegalStateException when a node exits or the time runs out
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (KafkaBroker broker : this.brokers) {
			broker.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		}
		awaitAllRegistered(deadline, timeout);
	}

	private void awaitAllRegistered(long deadline, Duration timeout) {
		try (Admin admin = KafkaBroker.admin(bootstrapServers())) {
			for (KafkaBroker broker : this.brokers) {
				broker.awaitUntil(deadline, timeout, () -> KafkaBroker.nodes(admin).size() == this.brokers.size());
			}
		}
	}

	/** Every node's client address, comma-separated, as clients take it. */
	public String bootstrapServers() {
		return this.brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
	}

	public int size() {
		return this.brokers.size();
	}

	/**
	 * A node by its id.
	 * @param nodeId 1 to {@link #size()}
	 */
	public KafkaBroker broker(int nodeId) {
		if (nodeId < 1 || nodeId > this.brokers.size()) {
			throw new IllegalArgumentException("No node " + nodeId + " in a cluster of " + this.brokers.size());
		}
		return this.brokers.get(nodeId - 1);
	}

	public List<KafkaBroker> brokers() {
		return List.copyOf(this.brokers);
	}

	/** Copies of each topic the cluster's size calls for: 3 on three nodes, 1 alone. */
	public int replicationFactor() {
		return this.brokers.get(0).properties().replicationFactor();
	}

	/** Copies in sync a write with {@code acks=all} needs: 2 on three nodes, 1 alone. */
	public int minInsyncReplicas() {
		return this.brokers.get(0).properties().minInsyncReplicas();
	}

	/**
	 * Starts a node that was killed or crashed again and waits until the cluster reports
	 * it.
	 */
	public void restart(int nodeId) {
		KafkaBroker broker = broker(nodeId);
		broker.restart();
		long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
		broker.awaitReady(RESTART_TIMEOUT);
		awaitAllRegistered(deadline, RESTART_TIMEOUT);
	}

	/**
	 * Asks every node to shut down at once (each a controlled shutdown while the quorum
	 * still stands), waits, and kills any that lingers.
	 * @return the nodes that had to be killed
	 */
	public List<KafkaBroker> stop() {
		this.brokers.forEach(KafkaBroker::requestStop);
		List<KafkaBroker> killed = new ArrayList<>();
		for (KafkaBroker broker : this.brokers) {
			if (!broker.stop()) {
				killed.add(broker);
			}
		}
		return killed;
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "Kafka cluster " + bootstrapServers();
	}

}
