package uk.nhsjob.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the stack started, with its output appended to a log file.
 * <p>
 * Its command line carries two markers, {@code -Dlocal-stack.child=<name>} and
 * {@code -Dlocal-stack.dir=<data folder>}, so that {@link LeftOverProcesses} can find it
 * should the launcher die without stopping it. Where {@code setsid} exists it runs in a
 * session of its own: Ctrl-C in the terminal then reaches the launcher only, which stops
 * the children in order (services first, the broker last) instead of all at once.
 */
public final class ChildProcess {

	static final String CHILD_MARKER = "-Dlocal-stack.child=";

	static final String DIR_MARKER = "-Dlocal-stack.dir=";

	private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code java <jvmArguments>} with the launcher's own Java.
	 * @param name what the user calls it ({@code kafka}, {@code ingest-service})
	 * @param dataDir the stack's data folder, recorded in the command line
	 * @param jvmArguments options, then the main class or {@code -jar}, then its
	 * arguments
	 * @param environment variables added to the launcher's own
	 * @param workingDirectory where it runs
	 * @param log the file its output is appended to
	 */
	public static ChildProcess startJava(String name, Path dataDir, List<String> jvmArguments,
			Map<String, String> environment, Path workingDirectory, Path log) {
		List<String> command = new ArrayList<>();
		SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent((setsid) -> command.add(setsid.toString()));
		command.add(javaExecutable().toString());
		command.add(CHILD_MARKER + name);
		command.add(DIR_MARKER + dataDir.toAbsolutePath().normalize());
		command.addAll(jvmArguments);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.writeString(log,
					"%n==== %s: starting %s%n".formatted(OffsetDateTime.now(), String.join(" ", command)),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			process.getOutputStream().close();
			return new ChildProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + " (" + String.join(" ", command) + ")", ex);
		}
	}

	static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits for it to end by itself; its exit code, or -1 when it is still running. */
	public int awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	public int exitValue() {
		return this.process.exitValue();
	}

	public CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/** Asks it to stop (SIGTERM), without waiting. */
	public void requestStop() {
		if (this.process.isAlive()) {
			this.process.destroy();
		}
	}

	/**
	 * Asks it to stop, waits up to the grace period, then kills it and whatever it
	 * started.
	 * @return whether it stopped within the grace period
	 */
	public boolean stop(Duration grace) {
		requestStop();
		if (awaitExit(grace) != -1 || !this.process.isAlive()) {
			return true;
		}
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(10));
		return false;
	}

	/**
	 * Kills it at once ({@code SIGKILL}, as {@code kill -9}), with whatever it started,
	 * and waits for it to end.
	 */
	public void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(10));
	}

	/** The last lines of its log, to show next to an error. */
	public String logTail(int lines) {
		return LogTail.of(this.log, lines);
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}

}
