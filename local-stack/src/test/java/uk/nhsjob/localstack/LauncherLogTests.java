package uk.nhsjob.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's log file names no mailbox: the mail server runs in the launcher's JVM,
 * and the stack's mail goes to candidates' addresses (docs/operations.md, "Logs").
 */
class LauncherLogTests {

	@TempDir
	Path folder;

	@Test
	void theMailServerWritesNoAddressToTheLaunchersLog() throws IOException, InterruptedException {
		String address = "launcher-log-" + System.nanoTime() + "@example.org";
		Path logs = this.folder.resolve("logs");
		Path output = this.folder.resolve("probe.out");

		Process probe = new ProcessBuilder(ChildJava.command(LauncherLogProbe.class, logs.toString(),
				this.folder.resolve("mail").toString(), address))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(probe.waitFor(2, TimeUnit.MINUTES)).as("the probe ended").isTrue();

		String said = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(probe.exitValue()).as(said).isZero();
		assertThat(said).contains("read 1").contains("restored 1");
		String log = Files.readString(logs.resolve("local-stack.log"), StandardCharsets.UTF_8);
		assertThat(log.toLowerCase()).doesNotContain(address.toLowerCase());
	}

	/** A JVM on this test's class path, running a class of it. */
	private static final class ChildJava {

		static List<String> command(Class<?> main, String... arguments) {
			List<String> command = new java.util.ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), main.getName()));
			command.addAll(List.of(arguments));
			return command;
		}

	}

}
