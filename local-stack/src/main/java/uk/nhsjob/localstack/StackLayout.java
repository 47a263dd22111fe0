package uk.nhsjob.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where things are: the repository the stack was built from, and the folder that keeps
 * its data across restarts ({@code .local-stack/} in the repository unless
 * {@code LOCAL_STACK_DIR} says otherwise).
 *
 * @param root the repository's root folder
 * @param data the folder that keeps the stack's data
 */
record StackLayout(Path root, Path data) {

	static final String DATA_DIR_VARIABLE = "LOCAL_STACK_DIR";

	static final String ROOT_PROPERTY = "local-stack.root";

	StackLayout {
		root = root.toAbsolutePath().normalize();
		data = data.toAbsolutePath().normalize();
	}

	/**
	 * Resolves the layout from the {@code local-stack.root} system property (default: the
	 * working folder) and the {@code LOCAL_STACK_DIR} variable or system property
	 * (default: {@code .local-stack}; a relative folder is taken from the root).
	 */
	static StackLayout resolve(Map<String, String> environment, @Nullable String rootProperty,
			@Nullable String dataDirProperty, Path workingDirectory) {
		Path root = (rootProperty != null && !rootProperty.isBlank()) ? Path.of(rootProperty) : workingDirectory;
		String dataDir = (dataDirProperty != null && !dataDirProperty.isBlank()) ? dataDirProperty
				: environment.getOrDefault(DATA_DIR_VARIABLE, "");
		Path data = dataDir.isBlank() ? root.resolve(".local-stack") : root.resolve(dataDir);
		return new StackLayout(root, data);
	}

	/** Fails unless the root looks like the NHSJob Alerts repository. */
	StackLayout requireRepository() {
		if (!Files.isRegularFile(this.root.resolve("pom.xml"))
				|| !Files.isDirectory(this.root.resolve("local-stack"))) {
			throw new IllegalStateException("Run the local stack from the repository's root folder (./run-local.sh); "
					+ this.root + " has no pom.xml with a local-stack module");
		}
		return this;
	}

	Path logs() {
		return this.data.resolve("logs");
	}

	/**
	 * The Kafka cluster's folder: {@code kafka/} for a single broker, as always;
	 * {@code kafka-cluster-<n>/} for {@code n} brokers, whose quorum is fixed when the
	 * storage is formatted.
	 */
	Path kafka(int brokers) {
		return this.data.resolve((brokers == 1) ? "kafka" : "kafka-cluster-" + brokers);
	}

	Path mongoFile() {
		return this.data.resolve("mongo").resolve("nhsjob.mv");
	}

	Path mail() {
		return this.data.resolve("mail");
	}

	Path adminTokenFile() {
		return this.data.resolve("admin-token");
	}

	Path notifierAdminTokenFile() {
		return this.data.resolve("notifier-admin-token");
	}

	Path notifierAddressKeyFile() {
		return this.data.resolve("notifier-address-key");
	}

	Path matcherTokenSecretFile() {
		return this.data.resolve("matcher-token-secret");
	}

	Path demoSourceKeyFile() {
		return this.data.resolve("demo-source.key");
	}

	Path kafkaLibs() {
		return this.root.resolve("local-stack").resolve("target").resolve("kafka-libs");
	}

	/** The sample feeds as the repository keeps them: templates of their dates. */
	Path sampleTemplates() {
		return this.root.resolve("samples").resolve("feeds");
	}

	/** The sample feeds with current dates, written at each start. */
	Path samples() {
		return this.data.resolve("samples");
	}

	Path demoFeed() {
		return samples().resolve("demo-feed.json");
	}

	/** A path as the user should read it: relative to the root where it is inside it. */
	String display(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return absolute.startsWith(this.root) ? this.root.relativize(absolute).toString() : absolute.toString();
	}

}
