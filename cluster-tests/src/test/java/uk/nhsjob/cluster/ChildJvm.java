package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM this test started from its own class path, its output appended to a log file,
 * which the test can kill as an operating system would ({@code kill -9}).
 */
final class ChildJvm {

	private final String name;

	private final Process process;

	private final Path log;

	private ChildJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * @param jvmOptions options before the main class
	 * @param mainClass run with this test's class path
	 */
	static ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> arguments, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-D" + ChildService.PARENT_PID + "=" + ProcessHandle.current().pid());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.writeString(log, "%n==== %s: starting %s%n".formatted(Instant.now(), name), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			process.getOutputStream().close();
			return new ChildJvm(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/** Its exit code once it has ended within the time; -1 if it has not. */
	int awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** {@code kill -9}: no shutdown hook, nothing flushed, no offset committed. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** SIGTERM, then {@code kill -9} after the grace period. */
	void stop(Duration grace) {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (awaitExit(grace) == -1) {
				kill();
			}
		}
	}

	/** The last lines of its log, to show beside a failure. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(" + this.log + " unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", log " + this.log + ")";
	}

}
