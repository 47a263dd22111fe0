package uk.nhsjob.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.localstack.process.Restartable;

/**
 * One node of a KRaft cluster (broker and controller) in a JVM of its own, run from
 * {@link KafkaLibraries}. Its {@code server.properties} and storage live in its own
 * folder; the storage is formatted once ({@link KafkaCluster} does it) and reused on
 * every later start, topics and records included. It can be killed ({@code SIGKILL}) and
 * started again, as a crash and its recovery.
 */
public final class KafkaBroker implements Restartable {

	private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
			"-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.logFile=System.out",
			"-Dorg.slf4j.simpleLogger.showDateTime=true",
			"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
			"-Dorg.slf4j.simpleLogger.showShortLogName=true", "-Dlog4j2.statusLoggerLevel=OFF");

	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final String name;

	private final KafkaServerProperties properties;

	private final KafkaLibraries libs;

	private final Path folder;

	private final Path config;

	private final Path stackDir;

	private final Path log;

	private volatile ChildProcess process;

	private KafkaBroker(String name, KafkaServerProperties properties, KafkaLibraries libs, Path folder, Path config,
			Path stackDir, Path log, ChildProcess process) {
		this.name = name;
		this.properties = properties;
		this.libs = libs;
		this.folder = folder;
		this.config = config;
		this.stackDir = stackDir;
		this.log = log;
		this.process = process;
	}

	/**
	 * Writes {@code server.properties} into the folder and starts the node without
	 * waiting for it; its storage must be formatted.
	 * @param name what the user calls it ({@code kafka}, {@code kafka-2})
	 * @param folder the node's folder: {@code server.properties} and {@code data/}
	 * @param stackDir the data folder recorded in the child's command line, by which a
	 * later run finds a left-over child
	 * @param log the file the node's output goes to
	 */
	static KafkaBroker start(String name, KafkaServerProperties properties, KafkaLibraries libs, Path folder,
			Path stackDir, Path log) {
		Path config = properties.writeTo(folder.resolve("server.properties"));
		ChildProcess process = launch(name, libs, config, folder, stackDir, log);
		return new KafkaBroker(name, properties, libs, folder, config, stackDir, log, process);
	}

	private static ChildProcess launch(String name, KafkaLibraries libs, Path config, Path folder, Path stackDir,
			Path log) {
		List<String> arguments = new ArrayList<>(JVM_OPTIONS);
		arguments.addAll(List.of("-cp", libs.classPath(), "kafka.Kafka", config.toString()));
		return ChildProcess.startJava(name, stackDir, arguments, Map.of(), folder, log);
	}

	/** Where the node's {@code server.properties} and data would be. */
	static Path configFile(Path folder) {
		return folder.resolve("server.properties");
	}

	static boolean isFormatted(Path logDirs) {
		return Files.isRegularFile(logDirs.resolve("meta.properties"));
	}

	/** The cluster id the storage was formatted with, if it was. */
	static Optional<String> clusterId(Path logDirs) {
		Path meta = logDirs.resolve("meta.properties");
		if (!Files.isRegularFile(meta)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(meta)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + meta, ex);
		}
		return Optional.ofNullable(properties.getProperty("cluster.id")).filter(Predicate.not(String::isBlank));
	}

	/**
	 * Starts formatting a node's storage with the cluster's id; the caller waits for the
	 * process.
	 */
	static ChildProcess startFormatting(String name, KafkaServerProperties properties, KafkaLibraries libs, Path folder,
			String clusterId, Path stackDir, Path log) {
		Path config = properties.writeTo(configFile(folder));
		List<String> arguments = new ArrayList<>(JVM_OPTIONS);
		arguments.addAll(List.of("-cp", libs.classPath(), "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
				config.toString()));
		if (properties.isSingleNode()) {
			// a dynamic quorum of this node alone
			arguments.add("--standalone");
		}
		return ChildProcess.startJava(name + "-storage-format", stackDir, arguments, Map.of(), folder, log);
	}

	/**
	 * Waits until the node listens and answers a client's request for the cluster's
	 * nodes.
	 * @throws IllegalStateException when it exits or the time runs out
	 */
	@Override
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		// the port first: the client would log a refused connection every 250 ms
		awaitUntil(deadline, timeout, this::listens);
		try (Admin admin = admin(bootstrapServers())) {
			awaitUntil(deadline, timeout, () -> !nodes(admin).isEmpty());
		}
	}

	void awaitUntil(long deadline, Duration timeout, BooleanSupplier ready) {
		while (true) {
			ChildProcess current = this.process;
			if (!current.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting (exit " + current.exitValue()
						+ "); see " + this.log + ":\n" + current.logTail(20));
			}
			if (ready.getAsBoolean()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " did not answer on " + bootstrapServers() + " within "
						+ timeout.toSeconds() + " s; see " + this.log + ":\n" + current.logTail(20));
			}
			pause();
		}
	}

	private boolean listens() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.properties.host(), this.properties.port()), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Admin admin(String bootstrapServers) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
		return Admin.create(config);
	}

	/** The nodes the cluster reports, none when it does not answer. */
	static Collection<Node> nodes(Admin admin) {
		try {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	/** The node id, 1 to the cluster's size. */
	public int nodeId() {
		return this.properties.nodeId();
	}

	/** This node's client address ({@code 127.0.0.1:<port>}). */
	public String bootstrapServers() {
		return this.properties.bootstrapServers();
	}

	public KafkaServerProperties properties() {
		return this.properties;
	}

	/** The process running now: a new one after each {@link #restart()}. */
	@Override
	public ChildProcess process() {
		return this.process;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/**
	 * Kills the node at once ({@code SIGKILL}, as {@code kill -9}) and waits for it to
	 * end.
	 */
	public void kill() {
		this.process.kill();
	}

	/**
	 * Starts the node again on its folder, storage and ports, without waiting for it (see
	 * {@link #awaitReady(Duration)}).
	 * @throws IllegalStateException while it still runs
	 */
	@Override
	public synchronized ChildProcess restart() {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running (pid " + pid() + ")");
		}
		this.process = launch(this.name, this.libs, this.config, this.folder, this.stackDir, this.log);
		return this.process;
	}

	/** Asks the node to stop (a controlled shutdown), without waiting. */
	public synchronized void requestStop() {
		this.process.requestStop();
	}

	/**
	 * Asks the node to shut down (a controlled shutdown), killing it after a grace
	 * period.
	 * @return whether it stopped within the grace period
	 */
	public synchronized boolean stop() {
		return this.process.stop(STOP_GRACE);
	}

	@Override
	public String toString() {
		return this.name + " (node " + nodeId() + ", " + bootstrapServers() + ", pid " + pid() + ")";
	}

}
