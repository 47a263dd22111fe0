package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceTests {

	@TempDir
	Path root;

	@Test
	void findsEachServicesExecutableJarOfTheProjectVersion() throws IOException {
		for (String name : new String[] { "ingest-service", "matcher-service", "notifier-service" }) {
			Files.createDirectories(this.root.resolve(name + "/target"));
			Files.writeString(this.root.resolve(name + "/target/" + name + "-1.2.0-exec.jar"), "jar");
			Files.writeString(this.root.resolve(name + "/target/" + name + "-1.2.0.jar"), "plain jar");
		}

		assertThat(Service.locate(this.root, "1.2.0")).extracting(Service::name, Service::port, Service::url)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ingest-service", 8081, "http://localhost:8081"),
					org.assertj.core.groups.Tuple.tuple("matcher-service", 8082, "http://localhost:8082"),
					org.assertj.core.groups.Tuple.tuple("notifier-service", 8083, "http://localhost:8083"));
		assertThat(Service.locate(this.root, null).get(0).jar())
			.isEqualTo(this.root.resolve("ingest-service/target/ingest-service-1.2.0-exec.jar"));
	}

	@Test
	void saysHowToBuildAJarThatIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> Service.locate(this.root, "1.2.0"))
			.withMessageContaining("ingest-service")
			.withMessageContaining("./run-local.sh");
	}

}
