package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of a single-node KRaft broker that is its own controller,
 * listening on loopback only.
 *
 * @param host the address both listeners bind to and advertise
 * @param port the clients' (PLAINTEXT) port
 * @param controllerPort the controller quorum's port
 * @param logDirs where the broker keeps its data
 */
public record KafkaServerProperties(String host, int port, int controllerPort, Path logDirs) {

	public KafkaServerProperties {
		logDirs = logDirs.toAbsolutePath().normalize();
	}

	public String bootstrapServers() {
		return this.host + ":" + this.port;
	}

	/** The settings, in the order they are written. */
	public Map<String, String> settings() {
		String controller = this.host + ":" + this.controllerPort;
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.bootstrap.servers", controller);
		settings.put("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
		settings.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("log.dirs", this.logDirs.toString());
		// one node: every internal topic with one replica, no waiting for others
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("default.replication.factor", "1");
		settings.put("min.insync.replicas", "1");
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
