package uk.nhsjob.localstack.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The class path a broker's JVM runs with: normally the jars Maven copies to
 * {@code local-stack/target/kafka-libs} when it packages the local-stack module (the
 * broker, its dependencies and an SLF4J binding).
 *
 * @param classPath the {@code -cp} of the broker's JVM
 */
public record KafkaLibraries(String classPath) {

	static final Path BUILT = Path.of("local-stack", "target", "kafka-libs");

	/**
	 * Every jar in a folder.
	 * @throws IllegalStateException when the folder holds no Kafka broker jar
	 */
	public static KafkaLibraries folder(Path jars) {
		if (!holdsBroker(jars)) {
			throw new IllegalStateException("No Kafka broker jars in " + jars.toAbsolutePath().normalize()
					+ ": build them with ./mvnw -B -q -DskipTests package -pl local-stack");
		}
		// the JVM expands the wildcard to every jar in the folder
		return new KafkaLibraries(jars.toAbsolutePath().normalize() + File.separator + "*");
	}

	/**
	 * The jars built by the local-stack module, found from a folder of the repository:
	 * its root, the local-stack module, or a sibling module such as system-tests (a
	 * test's working folder).
	 * @throws IllegalStateException when they have not been built (the local-stack
	 * module's {@code package} phase copies them)
	 */
	public static KafkaLibraries built(Path from) {
		Path found = locate(from);
		if (found == null) {
			throw new IllegalStateException("No " + BUILT + " in " + from.toAbsolutePath().normalize()
					+ " or its parents: package the local-stack module first (./mvnw -B -q -DskipTests package"
					+ " -pl local-stack -am), or run the test in the verify phase with local-stack in the build");
		}
		return folder(found);
	}

	static @Nullable Path locate(Path from) {
		for (Path folder = from.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
			for (Path candidate : new Path[] { folder.resolve(BUILT),
					folder.resolve("target").resolve("kafka-libs") }) {
				if (holdsBroker(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private static boolean holdsBroker(Path folder) {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> jars = Files.list(folder)) {
			return jars.anyMatch((jar) -> jar.getFileName().toString().startsWith("kafka_2.13-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

}
