package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The {@code server.properties} of one node of a KRaft cluster on loopback whose every
 * node is both broker and controller. A single node has a dynamic quorum of itself
 * (formatted with {@code --standalone}); the nodes of a larger cluster name every voter
 * ({@code controller.quorum.voters}). The replication defaults follow the cluster's size:
 * three copies of every topic and two in sync for a write with {@code acks=all} on three
 * nodes or more; one and one on a single node.
 *
 * @param host the address both listeners bind to and advertise
 * @param nodeId this node's id, 1 to the number of nodes
 * @param quorum the ports of every node, node 1 first
 * @param logDirs where the node keeps its data
 */
public record KafkaServerProperties(String host, int nodeId, List<KafkaNodePorts> quorum, Path logDirs) {

	public KafkaServerProperties {
		if (nodeId < 1 || nodeId > quorum.size()) {
			throw new IllegalArgumentException("Node " + nodeId + " of " + quorum.size());
		}
		quorum = List.copyOf(quorum);
		logDirs = logDirs.toAbsolutePath().normalize();
	}

	/** The properties of a single-node cluster. */
	public static KafkaServerProperties singleNode(String host, int port, int controllerPort, Path logDirs) {
		return new KafkaServerProperties(host, 1, List.of(new KafkaNodePorts(port, controllerPort)), logDirs);
	}

	public int port() {
		return ports().port();
	}

	public int controllerPort() {
		return ports().controllerPort();
	}

	private KafkaNodePorts ports() {
		return this.quorum.get(this.nodeId - 1);
	}

	/** This node's client address. */
	public String bootstrapServers() {
		return this.host + ":" + port();
	}

	/** Whether the quorum is this node alone. */
	public boolean isSingleNode() {
		return this.quorum.size() == 1;
	}

	/** Copies of each topic: three, or as many as there are nodes when fewer. */
	public int replicationFactor() {
		return Math.min(3, this.quorum.size());
	}

	/** Copies in sync for a write with {@code acks=all}: all but one, at least one. */
	public int minInsyncReplicas() {
		return Math.max(1, replicationFactor() - 1);
	}

	/** {@code 1@host:port,2@host:port,…}: every node's controller listener. */
	public String quorumVoters() {
		return IntStream.range(0, this.quorum.size())
			.mapToObj((i) -> (i + 1) + "@" + this.host + ":" + this.quorum.get(i).controllerPort())
			.collect(Collectors.joining(","));
	}

	/** The settings, in the order they are written. */
	public Map<String, String> settings() {
		String controller = this.host + ":" + controllerPort();
		String replicas = String.valueOf(replicationFactor());
		String minInsync = String.valueOf(minInsyncReplicas());
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", String.valueOf(this.nodeId));
		if (isSingleNode()) {
			settings.put("controller.quorum.bootstrap.servers", controller);
		}
		else {
			settings.put("controller.quorum.voters", quorumVoters());
		}
		settings.put("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
		settings.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("log.dirs", this.logDirs.toString());
		// the internal topics as the services' own: one node, one copy; three nodes,
		// three
		// copies of which two must have a write before it counts
		settings.put("offsets.topic.replication.factor", replicas);
		settings.put("transaction.state.log.replication.factor", replicas);
		settings.put("transaction.state.log.min.isr", minInsync);
		settings.put("share.coordinator.state.topic.replication.factor", replicas);
		settings.put("share.coordinator.state.topic.min.isr", minInsync);
		settings.put("default.replication.factor", replicas);
		settings.put("min.insync.replicas", minInsync);
		settings.put("group.initial.rebalance.delay.ms", "0");
		// the services declare their topics (partitions, compaction); a topic made by a
		// consumer's subscription would lack both
		settings.put("auto.create.topics.enable", "false");
		settings.put("num.partitions", "1");
		// fewer partitions of the internal topics than a cluster's 50: the first consumer
		// group (or transaction) on a fresh broker is ready in a moment, not seconds
		settings.put("offsets.topic.num.partitions", "5");
		settings.put("transaction.state.log.num.partitions", "5");
		settings.put("share.coordinator.state.topic.num.partitions", "5");
		return settings;
	}

	/**
	 * The file's text: one {@code key=value} a line, values escaped as properties files
	 * need.
	 */
	public String render() {
		StringBuilder text = new StringBuilder("# Written by the local stack on every start; edits are overwritten.\n");
		settings().forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
		return text.toString();
	}

	public Path writeTo(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, render(), StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						// Kafka reads ISO 8859-1: the rest as Unicode escapes
						escaped.append("\\u%04x".formatted((int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
