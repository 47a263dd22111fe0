package uk.nhsjob.localstack.kafka;

import java.io.File;
import java.io.IOException;
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
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import uk.nhsjob.localstack.process.ChildProcess;

/**
 * A real Apache Kafka broker (single node, KRaft) in a JVM of its own, run from the jars
 * in {@code local-stack/target/kafka-libs}. Its storage is formatted once; later starts
 * reuse it, topics and records included.
 */
public final class KafkaBroker {

	private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
			"-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.logFile=System.out",
			"-Dorg.slf4j.simpleLogger.showDateTime=true",
			"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
			"-Dorg.slf4j.simpleLogger.showShortLogName=true", "-Dlog4j2.statusLoggerLevel=OFF");

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final KafkaServerProperties properties;

	private final ChildProcess process;

	private KafkaBroker(KafkaServerProperties properties, ChildProcess process) {
		this.properties = properties;
		this.process = process;
	}

	/**
	 * Writes {@code server.properties} into the folder, formats the storage when it is
	 * new, and starts the broker without waiting for it.
	 * @param libs the folder with the broker's jars
	 * @param kafkaDir the broker's folder: {@code server.properties} and {@code data/}
	 * @param stackDir the stack's data folder (recorded in the child's command line)
	 * @param log the file the broker's output goes to
	 */
	public static KafkaBroker start(String host, int port, int controllerPort, Path libs, Path kafkaDir, Path stackDir,
			Path log, Consumer<String> say) {
		requireLibraries(libs);
		KafkaServerProperties properties = new KafkaServerProperties(host, port, controllerPort,
				kafkaDir.resolve("data"));
		Path config = properties.writeTo(kafkaDir.resolve("server.properties"));
		if (!isFormatted(properties.logDirs())) {
			say.accept("Formatting Kafka's storage in " + properties.logDirs());
			format(libs, config, kafkaDir, stackDir, log);
		}
		List<String> arguments = new ArrayList<>(JVM_OPTIONS);
		arguments.addAll(List.of("-cp", classPath(libs), "kafka.Kafka", config.toString()));
		ChildProcess process = ChildProcess.startJava("kafka", stackDir, arguments, Map.of(), kafkaDir, log);
		return new KafkaBroker(properties, process);
	}

	static boolean isFormatted(Path logDirs) {
		return Files.isRegularFile(logDirs.resolve("meta.properties"));
	}

	private static void format(Path libs, Path config, Path kafkaDir, Path stackDir, Path log) {
		List<String> arguments = new ArrayList<>(JVM_OPTIONS);
		arguments.addAll(List.of("-cp", classPath(libs), "kafka.tools.StorageTool", "format", "--standalone", "-t",
				Uuid.randomUuid().toString(), "-c", config.toString()));
		ChildProcess formatter = ChildProcess.startJava("kafka-storage-format", stackDir, arguments, Map.of(), kafkaDir,
				log);
		int exit = formatter.awaitExit(Duration.ofMinutes(2));
		if (exit != 0) {
			formatter.stop(Duration.ofSeconds(5));
			throw new IllegalStateException("Formatting Kafka's storage failed (exit " + exit + "); see " + log + ":\n"
					+ formatter.logTail(20));
		}
	}

	private static void requireLibraries(Path libs) {
		try (Stream<Path> jars = Files.isDirectory(libs) ? Files.list(libs) : Stream.empty()) {
			if (jars.noneMatch((jar) -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
				throw new IllegalStateException("No Kafka broker jars in " + libs
						+ ": build them with ./mvnw -B -q -DskipTests package -pl local-stack");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + libs, ex);
		}
	}

	private static String classPath(Path libs) {
		// the JVM expands the wildcard to every jar in the folder
		return libs.toAbsolutePath().normalize() + File.separator + "*";
	}

	/**
	 * Waits until the broker answers a client's request for the cluster's nodes.
	 * @throws IllegalStateException when the broker exits or the time runs out
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		// the port first: the client would log a refused connection every 250 ms
		awaitUntil(deadline, timeout, this::listens);
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.properties.bootstrapServers());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
		try (Admin admin = Admin.create(config)) {
			awaitUntil(deadline, timeout, () -> answers(admin));
		}
	}

	private void awaitUntil(long deadline, Duration timeout, BooleanSupplier ready) {
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Kafka stopped while starting (exit " + this.process.exitValue()
						+ "); see " + this.process.log() + ":\n" + this.process.logTail(20));
			}
			if (ready.getAsBoolean()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Kafka did not answer on " + this.properties.bootstrapServers()
						+ " within " + timeout.toSeconds() + " s; see " + this.process.log() + ":\n"
						+ this.process.logTail(20));
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

	private static boolean answers(Admin admin) {
		try {
			Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
				.nodes()
				.get(3, TimeUnit.SECONDS);
			return !nodes.isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
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

	public String bootstrapServers() {
		return this.properties.bootstrapServers();
	}

	public ChildProcess process() {
		return this.process;
	}

	/**
	 * Asks the broker to shut down (a controlled shutdown), killing it after a grace
	 * period.
	 */
	public boolean stop() {
		return this.process.stop(STOP_GRACE);
	}

}
