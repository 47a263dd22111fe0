package uk.nhsjob.localstack.services;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import uk.nhsjob.localstack.process.ChildProcess;

/**
 * The three services, each in its own JVM with its output in
 * {@code <data>/logs/<service>.log}.
 */
public final class ServiceProcesses {

	/**
	 * 384 MB of heap each; the client compiler only (C1), which brings a service up about
	 * a third sooner on two cores, peak throughput mattering little on a developer's
	 * machine.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
			"-Djava.awt.headless=true");

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Map<Service, ChildProcess> processes;

	private ServiceProcesses(Map<Service, ChildProcess> processes) {
		this.processes = processes;
	}

	/**
	 * Starts every service without waiting for it.
	 * @param stackDir the stack's data folder: the services' working folder, and recorded
	 * in their command lines
	 */
	public static ServiceProcesses start(List<Service> services, ServiceEnvironment environment, Path stackDir,
			Path logs) {
		Map<Service, ChildProcess> processes = new LinkedHashMap<>();
		ServiceProcesses started = new ServiceProcesses(processes);
		for (Service service : services) {
			List<String> arguments = new ArrayList<>(JVM_OPTIONS);
			arguments.addAll(List.of("-jar", service.jar().toAbsolutePath().toString()));
			processes.put(service, ChildProcess.startJava(service.name(), stackDir, arguments,
					environment.variables(service), stackDir, logs.resolve(service.name() + ".log")));
		}
		return started;
	}

	/**
	 * Waits until every service's readiness probe answers {@code UP}.
	 * @throws IllegalStateException when one exits, or is not ready in time, naming its
	 * log
	 */
	public void awaitReady(Duration timeout, Consumer<String> say) {
		Readiness readiness = new Readiness(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		List<Service> waiting = new ArrayList<>(this.processes.keySet());
		while (!waiting.isEmpty()) {
			for (Service service : List.copyOf(waiting)) {
				ChildProcess process = this.processes.get(service);
				if (!process.isAlive()) {
					throw new IllegalStateException(service.name() + " stopped while starting (exit "
							+ process.exitValue() + "); see " + process.log() + ":\n" + process.logTail(25));
				}
				if (readiness.isUp(service.loopback(Readiness.PATH))) {
					waiting.remove(service);
					say.accept("%s is ready on %s (%d s)".formatted(service.name(), service.url(),
							Duration.ofNanos(System.nanoTime() - start).toSeconds()));
				}
			}
			if (!waiting.isEmpty()) {
				if (System.nanoTime() > deadline) {
					Service late = waiting.get(0);
					throw new IllegalStateException(late.name() + " was not ready within " + timeout.toSeconds()
							+ " s (" + late.loopback(Readiness.PATH) + "); see " + this.processes.get(late).log()
							+ ":\n" + this.processes.get(late).logTail(25));
				}
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the services", ex);
		}
	}

	public List<ChildProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	/**
	 * Asks every service to stop at once, then waits for each, killing any that linger.
	 */
	public void stop(Consumer<String> say) {
		this.processes.values().forEach(ChildProcess::requestStop);
		for (ChildProcess process : this.processes.values()) {
			if (!process.stop(STOP_GRACE)) {
				say.accept(process + " did not stop within " + STOP_GRACE.toSeconds() + " s and was killed");
			}
		}
	}

}
