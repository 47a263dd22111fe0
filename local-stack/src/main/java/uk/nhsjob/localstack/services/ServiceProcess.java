package uk.nhsjob.localstack.services;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.localstack.process.Restartable;

/**
 * One instance of a service in its own JVM, its output in
 * {@code <data>/logs/<instance>.log}; started again as it was first started after a
 * crash.
 */
public final class ServiceProcess implements Restartable {

	private final ServiceInstance instance;

	private final List<String> arguments;

	private final Map<String, String> variables;

	private final Path stackDir;

	private final Path log;

	private ChildProcess process;

	private ServiceProcess(ServiceInstance instance, List<String> arguments, Map<String, String> variables,
			Path stackDir, Path log) {
		this.instance = instance;
		this.arguments = arguments;
		this.variables = variables;
		this.stackDir = stackDir;
		this.log = log;
		this.process = launch();
	}

	static ServiceProcess start(ServiceInstance instance, List<String> arguments, Map<String, String> variables,
			Path stackDir, Path log) {
		return new ServiceProcess(instance, arguments, variables, stackDir, log);
	}

	private ChildProcess launch() {
		return ChildProcess.startJava(name(), this.stackDir, this.arguments, this.variables, this.stackDir, this.log);
	}

	public ServiceInstance instance() {
		return this.instance;
	}

	@Override
	public String name() {
		return this.instance.name();
	}

	@Override
	public synchronized ChildProcess process() {
		return this.process;
	}

	@Override
	public synchronized ChildProcess restart() {
		if (this.process.isAlive()) {
			throw new IllegalStateException(name() + " is still running (pid " + this.process.pid() + ")");
		}
		this.process = launch();
		return this.process;
	}

	/** Whether its readiness probe answers {@code UP}. */
	boolean isReady(Readiness readiness) {
		return readiness.isUp(this.instance.loopback(Readiness.PATH));
	}

	@Override
	public void awaitReady(Duration timeout) {
		Readiness readiness = new Readiness(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isReady(readiness)) {
			ChildProcess current = process();
			if (!current.isAlive()) {
				throw new IllegalStateException(name() + " stopped while starting (exit " + current.exitValue()
						+ "); see " + current.log() + ":\n" + current.logTail(25));
			}
			if (System.nanoTime() > deadline) {
				throw notReady(timeout);
			}
			ServiceProcesses.pause();
		}
	}

	IllegalStateException notReady(Duration timeout) {
		ChildProcess current = process();
		return new IllegalStateException(name() + " was not ready within " + timeout.toSeconds() + " s ("
				+ this.instance.loopback(Readiness.PATH) + "); see " + current.log() + ":\n" + current.logTail(25));
	}

	/** Kills it at once ({@code SIGKILL}, as {@code kill -9}) and waits for it to end. */
	public synchronized void kill() {
		this.process.kill();
	}

	synchronized void requestStop() {
		this.process.requestStop();
	}

	synchronized boolean stop(Duration grace) {
		return this.process.stop(grace);
	}

	@Override
	public String toString() {
		return process().toString();
	}

}
