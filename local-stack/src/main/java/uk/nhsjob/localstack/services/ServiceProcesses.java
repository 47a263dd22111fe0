package uk.nhsjob.localstack.services;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import uk.nhsjob.localstack.process.ChildProcess;

/**
 * Every instance of the three services, each in its own JVM with its output in
 * {@code <data>/logs/<instance>.log}.
 */
public final class ServiceProcesses {

	/**
	 * 384 MB of heap each; the client compiler only (C1), which brings a service up about
	 * a third sooner on two cores, peak throughput mattering little on a developer's
	 * machine.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
			"-Djava.awt.headless=true");

	/**
	 * The variable that, set to {@code full}, gives the services both compilers, for peak
	 * throughput rather than a quick start: the load run measures with it.
	 */
	public static final String JIT_VARIABLE = "LOCAL_STACK_JIT";

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final List<ServiceProcess> processes;

	private ServiceProcesses(List<ServiceProcess> processes) {
		this.processes = processes;
	}

	/**
	 * Starts every instance without waiting for it.
	 * @param stackDir the stack's data folder: the services' working folder, and recorded
	 * in their command lines
	 */
	public static ServiceProcesses start(List<ServiceInstance> instances, ServiceEnvironment environment, Path stackDir,
			Path logs) {
		return start(instances, environment::variables, stackDir, logs);
	}

	/**
	 * Starts every instance with the variables given for it (a test adds its own to
	 * {@link ServiceEnvironment#variables(ServiceInstance)}), without waiting for it.
	 */
	public static ServiceProcesses start(List<ServiceInstance> instances,
			Function<ServiceInstance, Map<String, String>> variables, Path stackDir, Path logs) {
		List<ServiceProcess> processes = new ArrayList<>();
		for (ServiceInstance instance : instances) {
			List<String> arguments = new ArrayList<>(jvmOptions(System.getenv()));
			arguments.addAll(List.of("-jar", instance.service().jar().toAbsolutePath().toString()));
			processes.add(ServiceProcess.start(instance, List.copyOf(arguments), Map.copyOf(variables.apply(instance)),
					stackDir, logs.resolve(instance.name() + ".log")));
		}
		return new ServiceProcesses(processes);
	}

	/** The services' JVM options, given the local stack's environment. */
	static List<String> jvmOptions(Map<String, String> environment) {
		boolean full = "full".equalsIgnoreCase(environment.getOrDefault(JIT_VARIABLE, "").strip());
		return full ? JVM_OPTIONS.stream().filter((option) -> !option.startsWith("-XX:TieredStopAtLevel")).toList()
				: JVM_OPTIONS;
	}

	/**
	 * Waits until every instance's readiness probe answers {@code UP}.
	 * @throws IllegalStateException when one exits, or is not ready in time, naming its
	 * log
	 */
	public void awaitReady(Duration timeout, Consumer<String> say) {
		Readiness readiness = new Readiness(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		List<ServiceProcess> waiting = new ArrayList<>(this.processes);
		while (!waiting.isEmpty()) {
			for (ServiceProcess service : List.copyOf(waiting)) {
				ChildProcess process = service.process();
				if (!process.isAlive()) {
					throw new IllegalStateException(service.name() + " stopped while starting (exit "
							+ process.exitValue() + "); see " + process.log() + ":\n" + process.logTail(25));
				}
				if (service.isReady(readiness)) {
					waiting.remove(service);
					say.accept("%s is ready on %s (%d s)".formatted(service.name(), service.instance().url(),
							Duration.ofNanos(System.nanoTime() - start).toSeconds()));
				}
			}
			if (!waiting.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw waiting.get(0).notReady(timeout);
				}
				pause();
			}
		}
	}

	static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the services", ex);
		}
	}

	public List<ServiceProcess> processes() {
		return List.copyOf(this.processes);
	}

	/**
	 * Asks every instance to stop at once, then waits for each, killing any that linger.
	 */
	public void stop(Consumer<String> say) {
		this.processes.forEach(ServiceProcess::requestStop);
		for (ServiceProcess process : this.processes) {
			if (!process.stop(STOP_GRACE)) {
				say.accept(process + " did not stop within " + STOP_GRACE.toSeconds() + " s and was killed");
			}
		}
	}

}
