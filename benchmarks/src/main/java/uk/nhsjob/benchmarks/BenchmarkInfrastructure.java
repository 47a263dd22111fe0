package uk.nhsjob.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * The broker and the MongoDB-wire server in a JVM of their own, so that the feed
 * benchmark's heap is the service's. Run as a child: it prints the settings that point a
 * service at it, then {@value #READY}, and stops when its standard input closes.
 */
public final class BenchmarkInfrastructure implements AutoCloseable {

	static final String READY = "READY";

	private final Process process;

	private final Map<String, String> springProperties;

	private BenchmarkInfrastructure(Process process, Map<String, String> springProperties) {
		this.process = process;
		this.springProperties = springProperties;
	}

	/** In this JVM, as the tests have it. */
	static Map<String, String> inProcess() {
		return TestInfrastructure.shared().springProperties();
	}

	/** In a child JVM with this much heap, on this JVM's class path. */
	static BenchmarkInfrastructure inChildJvm(String heap) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx" + heap, "-D" + TestInfrastructure.KIND_PROPERTY + "=embedded"));
		// a profiler's options, say
		String options = System.getProperty("benchmark.infrastructure-jvm-options", "");
		if (!options.isBlank()) {
			command.addAll(List.of(options.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkInfrastructure.class.getName()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Map<String, String> properties = new HashMap<>();
		List<String> other = new ArrayList<>();
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			if (line.equals(READY)) {
				Thread drain = new Thread(() -> out.lines().forEach((ignored) -> {
				}), "infrastructure-stdout");
				drain.setDaemon(true);
				drain.start();
				return new BenchmarkInfrastructure(process, properties);
			}
			int equals = line.indexOf('=');
			if (line.startsWith("property ") && equals > 0) {
				properties.put(line.substring("property ".length(), equals), line.substring(equals + 1));
			}
			else {
				other.add(line);
			}
		}
		throw new IllegalStateException("The infrastructure JVM ended before it was ready: " + other);
	}

	Map<String, String> springProperties() {
		return this.springProperties;
	}

	/** The CPU time the child has used so far, or -1 where the platform does not say. */
	long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.getOutputStream().close();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	public static void main(String[] args) throws IOException {
		TestInfrastructure.shared()
			.springProperties()
			.forEach((name, value) -> System.out.println("property " + name + "=" + value));
		System.out.println(READY);
		System.out.flush();
		// until the benchmark closes our standard input (or dies)
		while (System.in.read() != -1) {
			// nothing to read
		}
		System.exit(0);
	}

}
