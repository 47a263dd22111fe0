package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One of the three services and its executable jar
 * ({@code <module>/target/<module>-<version>-exec.jar}).
 *
 * @param name the module's name, which is also the jar's
 * @param port the HTTP port it listens on
 * @param jar its executable jar
 */
public record Service(String name, int port, Path jar) {

	public static final String INGEST = "ingest-service";

	public static final String MATCHER = "matcher-service";

	public static final String NOTIFIER = "notifier-service";

	/**
	 * The three services on 8081 to 8083, with their jars found in the repository.
	 * @param version the project's version; without it the newest {@code -exec.jar} is
	 * taken
	 * @throws IllegalStateException when a jar has not been built
	 */
	public static List<Service> locate(Path root, @Nullable String version) {
		return List.of(locate(root, INGEST, 8081, version), locate(root, MATCHER, 8082, version),
				locate(root, NOTIFIER, 8083, version));
	}

	static Service locate(Path root, String name, int port, @Nullable String version) {
		Path target = root.resolve(name).resolve("target");
		Optional<Path> jar = (version != null)
				? Optional.of(target.resolve(name + "-" + version + "-exec.jar")).filter(Files::isRegularFile)
				: newestExecJar(target, name);
		return new Service(name, port,
				jar.orElseThrow(() -> new IllegalStateException("The " + name + " jar is not built ("
						+ ((version != null) ? target.resolve(name + "-" + version + "-exec.jar") : target)
						+ "): run ./run-local.sh, which builds it, or ./mvnw -B -q -DskipTests package -pl " + name
						+ " -am")));
	}

	private static Optional<Path> newestExecJar(Path target, String name) {
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(name + "-")
						&& file.getFileName().toString().endsWith("-exec.jar"))
				.max(Comparator.comparing(Service::lastModified));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + target, ex);
		}
	}

	private static long lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Where a person reaches it. */
	public String url() {
		return "http://localhost:" + this.port;
	}

}
