package uk.nhsjob.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Children of an earlier launcher for the same data folder that outlived it (the launcher
 * was killed with SIGKILL, say). They hold the stack's ports and files, so a new start
 * stops them first. Only processes carrying both of {@link ChildProcess}'s markers for
 * this data folder are touched.
 */
public final class LeftOverProcesses {

	private LeftOverProcesses() {
	}

	/** Stops every left-over child of this data folder, saying what it does. */
	public static void stop(Path dataDir, Consumer<String> say) {
		List<ProcessHandle> leftOvers = find(dataDir);
		for (ProcessHandle process : leftOvers) {
			say.accept("Stopping " + describe(process) + ", left over from an earlier run");
			process.destroy();
		}
		for (ProcessHandle process : leftOvers) {
			if (!awaitExit(process, Duration.ofSeconds(30))) {
				process.destroyForcibly();
				awaitExit(process, Duration.ofSeconds(10));
			}
		}
	}

	static List<ProcessHandle> find(Path dataDir) {
		String dirMarker = ChildProcess.DIR_MARKER + dataDir.toAbsolutePath().normalize();
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.filter((process) -> process.info().commandLine().map((line) -> isMarked(line, dirMarker)).orElse(false))
			.toList();
	}

	private static boolean isMarked(String commandLine, String dirMarker) {
		return commandLine.contains(ChildProcess.CHILD_MARKER)
				&& (commandLine.contains(dirMarker + " ") || commandLine.endsWith(dirMarker));
	}

	private static String describe(ProcessHandle process) {
		String line = process.info().commandLine().orElse("");
		int at = line.indexOf(ChildProcess.CHILD_MARKER);
		String name = (at < 0) ? "a child" : line.substring(at + ChildProcess.CHILD_MARKER.length()).split(" ", 2)[0];
		return name + " (pid " + process.pid() + ")";
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return !process.isAlive();
		}
	}

}
