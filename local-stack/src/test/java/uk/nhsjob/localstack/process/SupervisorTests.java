package uk.nhsjob.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With real child JVMs that crash on their own (print a line, exit with code 3) or start
 * and wait to be stopped.
 */
class SupervisorTests {

	private static final RestartBackOff QUICK = new RestartBackOff(Duration.ofMillis(100), Duration.ofMillis(400),
			Duration.ofMinutes(2));

	@TempDir
	Path folder;

	private final List<String> said = Collections.synchronizedList(new ArrayList<>());

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final List<Child> children = new ArrayList<>();

	private Path crasher;

	private Path waiter;

	@BeforeEach
	void writePrograms() throws IOException {
		this.crasher = program("Crasher", """
				System.out.println("out of memory, pretending");
				System.exit(3);""");
		this.waiter = program("Waiter", """
				System.out.println("ready");
				new java.util.concurrent.CountDownLatch(1).await();""");
	}

	@AfterEach
	void stopChildren() {
		this.children.forEach((child) -> child.process().stop(Duration.ofSeconds(10)));
	}

	@Test
	void reportsACrashedChildWithItsExitCodeAndLogAndLeavesItDownUntilAskedToRestartIt() {
		Supervisor supervisor = new Supervisor(false, QUICK, this.said::add, "Press Enter to start it again.",
				this.stopping::get);
		Child child = child("matcher-service-2", this.crasher, this.waiter);
		long crashedPid = child.process().pid();

		supervisor.watch(child);

		waiting().until(() -> supervisor.isDown("matcher-service-2"));
		assertThat(String.join("\n", this.said))
			.contains("WARNING: matcher-service-2 (pid " + crashedPid + ") exited with code 3")
			.contains("out of memory, pretending")
			.contains(child.process().log().toString())
			.contains("The rest of the stack keeps running without matcher-service-2. Press Enter to start it again.");
		assertThat(child.restarts).isZero();

		supervisor.restartCrashed();

		waiting().until(() -> this.said.contains("matcher-service-2 is ready again"));
		assertThat(child.process().isAlive()).isTrue();
		assertThat(child.process().pid()).isNotEqualTo(crashedPid);
		assertThat(supervisor.isDown("matcher-service-2")).isFalse();
		supervisor.close();
	}

	@Test
	void startsACrashedChildAgainByItselfWhenToldTo() {
		Supervisor supervisor = new Supervisor(true, QUICK, this.said::add, "unused", this.stopping::get);
		Child child = child("kafka-2", this.crasher, this.waiter);

		supervisor.watch(child);

		waiting().until(() -> this.said.contains("kafka-2 is ready again"));
		assertThat(this.said).anyMatch((line) -> line.startsWith("WARNING: kafka-2 (pid "))
			.contains("Starting kafka-2 again in 100 ms")
			.anyMatch((line) -> line.startsWith("Started kafka-2 again (pid " + child.process().pid() + ")"));
		assertThat(child.process().isAlive()).isTrue();
		supervisor.close();
	}

	@Test
	void waitsLongerEachTimeAChildKeepsCrashing() {
		Supervisor supervisor = new Supervisor(true, QUICK, this.said::add, "unused", this.stopping::get);
		Child child = child("ingest-service-1", this.crasher, this.crasher);

		supervisor.watch(child);

		waiting().until(() -> child.restarts >= 3);
		supervisor.close();
		assertThat(this.said).containsSubsequence("Starting ingest-service-1 again in 100 ms",
				"Starting ingest-service-1 again in 200 ms (crash 2 in a row)",
				"Starting ingest-service-1 again in 400 ms (crash 3 in a row)");
	}

	@Test
	void saysNothingAndRestartsNothingWhenTheStackIsStopping() {
		Supervisor supervisor = new Supervisor(true, QUICK, this.said::add, "unused", this.stopping::get);
		Child child = child("notifier-service", this.waiter, this.waiter);
		supervisor.watch(child);
		waiting().until(() -> child.process().logTail(3).contains("ready"));

		this.stopping.set(true);
		child.process().stop(Duration.ofSeconds(10));

		// the exit has been handled once its future completed
		child.process().onExit().join();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> child.restarts == 0);
		assertThat(this.said).isEmpty();
		supervisor.close();
	}

	private ConditionFactory waiting() {
		return await().atMost(Duration.ofSeconds(60));
	}

	private Child child(String name, Path first, Path again) {
		Child child = new Child(name, again, this.folder);
		child.current = child.launch(first);
		this.children.add(child);
		return child;
	}

	private Path program(String name, String body) throws IOException {
		Path source = this.folder.resolve(name + ".java");
		Files.writeString(source, "public class " + name
				+ " {\n public static void main(String[] args) throws Exception {\n" + body + "\n }\n}\n");
		return source;
	}

	/** A child that runs one program first and another on every restart. */
	private static final class Child implements Restartable {

		private final String name;

		private final Path again;

		private final Path folder;

		private volatile ChildProcess current;

		private volatile int restarts;

		Child(String name, Path again, Path folder) {
			this.name = name;
			this.again = again;
			this.folder = folder;
		}

		ChildProcess launch(Path program) {
			return ChildProcess.startJava(this.name, this.folder.resolve("stack"), List.of(program.toString()),
					Map.of(), this.folder, this.folder.resolve("logs/" + this.name + ".log"));
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public ChildProcess process() {
			return this.current;
		}

		@Override
		public ChildProcess restart() {
			this.restarts++;
			this.current = launch(this.again);
			return this.current;
		}

		@Override
		public void awaitReady(Duration timeout) {
			await().atMost(timeout).until(() -> this.current.logTail(3).contains("ready") || !this.current.isAlive());
			if (!this.current.isAlive()) {
				throw new IllegalStateException(this.name + " exited");
			}
		}

	}

}
