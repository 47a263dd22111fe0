package uk.nhsjob.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a real child JVM that prints a line and then waits to be stopped. */
class ChildProcessTests {

	@TempDir
	Path folder;

	@Test
	void runsAMarkedJvmWithItsOutputInTheLogAndStopsIt() throws IOException {
		Path data = this.folder.resolve("stack");
		Path log = this.folder.resolve("logs/child.log");
		ChildProcess child = ChildProcess.startJava("waiter", data, List.of(waiter().toString()),
				Map.of("GREETING", "hello from the child"), this.folder, log);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> child.logTail(5).contains("hello from the child"));
			assertThat(LeftOverProcesses.find(data)).extracting(ProcessHandle::pid).containsExactly(child.pid());
			assertThat(LeftOverProcesses.find(this.folder.resolve("another-stack"))).isEmpty();
		}
		finally {
			assertThat(child.stop(Duration.ofSeconds(10))).as("stopped within the grace period").isTrue();
		}
		assertThat(child.isAlive()).isFalse();
		assertThat(LeftOverProcesses.find(data)).isEmpty();
		assertThat(Files.readString(log)).contains("starting").contains("-Dlocal-stack.child=waiter");
	}

	@Test
	void stopsTheLeftOversOfAnEarlierRun() throws IOException {
		Path data = this.folder.resolve("stack");
		ChildProcess orphan = ChildProcess.startJava("orphan", data, List.of(waiter().toString()),
				Map.of("GREETING", "waiting"), this.folder, this.folder.resolve("orphan.log"));
		await().atMost(Duration.ofSeconds(30)).until(() -> orphan.logTail(5).contains("waiting"));
		List<String> said = new ArrayList<>();

		LeftOverProcesses.stop(data, said::add);

		assertThat(orphan.isAlive()).isFalse();
		assertThat(said).containsExactly("Stopping orphan (pid " + orphan.pid() + "), left over from an earlier run");
	}

	/** A single-file Java program the child JVM runs from source. */
	private Path waiter() throws IOException {
		Path source = this.folder.resolve("Waiter.java");
		Files.writeString(source, """
				public class Waiter {
					public static void main(String[] args) throws Exception {
						System.out.println(System.getenv("GREETING"));
						// waits until it is stopped
						new java.util.concurrent.CountDownLatch(1).await();
					}
				}
				""");
		return source;
	}

}
