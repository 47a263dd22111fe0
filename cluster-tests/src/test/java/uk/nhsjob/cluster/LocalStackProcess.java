package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The local stack in its cluster mode as a child process ({@code local-stack.jar
 * --brokers 3 --instances 2 --restart-crashed}, docs/local-stack.md), on its fixed ports,
 * with a data folder of its own and the services' settings a load run needs as
 * environment variables (Spring's relaxed binding), each printed. Stopped with
 * {@code SIGTERM}, as Ctrl-C stops it; whatever of its children is left after that is
 * named and killed.
 */
final class LocalStackProcess implements AutoCloseable {

	/** Ports the stack takes; one taken means another stack (or something else) runs. */
	private static final int[] PORTS = { 8081, 8082, 8083, 8181, 8182, 8183, 9092, 9093, 9094, 27017, 1025, 1143,
			8025 };

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** An instance of a service on the stack: its name there and its URL. */
	record Instance(String service, String name, String url) implements Endpoint {
	}

	private final Process process;

	private final Path folder;

	private final String adminToken;

	private final Map<String, List<Instance>> instances = new LinkedHashMap<>();

	private final Consumer<String> say;

	private LocalStackProcess(Process process, Path folder, String adminToken, Consumer<String> say) {
		this.process = process;
		this.folder = folder;
		this.adminToken = adminToken;
		this.say = say;
		for (String service : List.of(Cluster.INGEST, Cluster.MATCHER, Cluster.NOTIFIER)) {
			int port = switch (service) {
				case Cluster.INGEST -> 8081;
				case Cluster.MATCHER -> 8082;
				default -> 8083;
			};
			List<Instance> ofService = new ArrayList<>();
			for (int n = 1; n <= 2; n++) {
				ofService.add(
						new Instance(service, service + "-service-" + n, "http://localhost:" + (port + 100 * (n - 1))));
			}
			this.instances.put(service, ofService);
		}
	}

	/**
	 * Starts the stack built in the repository
	 * ({@code local-stack/target/local-stack.jar} and the services' jars) with its data
	 * in {@code folder}, and waits until every instance is ready.
	 * @param settings the services' settings, as environment variables
	 */
	static LocalStackProcess start(Path repository, Path folder, Map<String, String> settings, Consumer<String> say) {
		for (int port : PORTS) {
			if (isTaken(port)) {
				throw new IllegalStateException("Port " + port
						+ " is taken: another local stack (or something else) runs; stop it before a load run");
			}
		}
		Path jar = repository.resolve("local-stack/target/local-stack.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " has not been built");
		}
		String adminToken = "load-run-admin-" + Long.toString(System.nanoTime(), 36);
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("LOCAL_STACK_DIR", folder.toAbsolutePath().toString());
		environment.put("NHSJOB_INGEST_ADMIN_TOKEN", adminToken);
		environment.putAll(settings);
		environment.forEach((name, value) -> say
			.accept("  " + name + "=" + (name.equals("NHSJOB_INGEST_ADMIN_TOKEN") ? "(generated)" : value)));
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Dlocal-stack.root=" + repository.toAbsolutePath(), "-jar",
				jar.toAbsolutePath().toString(), "--brokers", "3", "--instances", "2", "--restart-crashed");
		say.accept("Starting the local stack: " + String.join(" ", command));
		try {
			Files.createDirectories(folder);
			ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("local-stack.out").toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().putAll(environment);
			LocalStackProcess stack = new LocalStackProcess(builder.start(), folder, adminToken, say);
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
			say.accept(
					"Local stack pid " + stack.process.pid() + ", its output in " + folder.resolve("local-stack.out"));
			stack.awaitReady(Duration.ofMinutes(8));
			return stack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isTaken(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Waits until every instance answers its readiness probe. */
	void awaitReady(Duration atMost) {
		long started = System.nanoTime();
		await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The local stack ended (code " + this.process.exitValue() + "); see "
						+ this.folder.resolve("local-stack.out"));
			}
			return all().stream().allMatch((instance) -> isUp(instance, "readiness"));
		});
		try {
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> all().stream().allMatch((instance) -> isUp(instance, "background")));
		}
		catch (ConditionTimeoutException ex) {
			this.say.accept("background readers still behind after two minutes: "
					+ all().stream().filter((instance) -> !isUp(instance, "background")).map(Instance::name).toList());
		}
		this.say.accept("Every instance ready (" + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s)");
	}

	static boolean isUp(Endpoint instance, String group) {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/health/" + group))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	List<Instance> all() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	List<Instance> instances(String service) {
		return this.instances.getOrDefault(service, List.of());
	}

	/** The SMTP server's store: a folder per recipient. */
	Path mailFolder() {
		return this.folder.resolve("mail");
	}

	String adminToken() {
		return this.adminToken;
	}

	/** The Kafka brokers. */
	String bootstrapServers() {
		return "127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094";
	}

	/**
	 * {@code SIGTERM}, as Ctrl-C; waits for the stack to stop its children, then kills
	 * any child still running and says which.
	 */
	@Override
	public synchronized void close() {
		if (!this.process.isAlive()) {
			return;
		}
		List<ProcessHandle> children = this.process.descendants().toList();
		this.say.accept("Stopping the local stack (pid " + this.process.pid() + ")");
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofMinutes(2).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
				this.say.accept("The local stack did not stop within two minutes: killed");
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach((child) -> {
			this.say.accept("Left running by the local stack, killed: pid " + child.pid() + " "
					+ child.info().commandLine().orElse(""));
			child.destroyForcibly();
		});
	}

}
