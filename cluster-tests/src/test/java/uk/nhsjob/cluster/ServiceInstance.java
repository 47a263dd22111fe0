package uk.nhsjob.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of one service in a JVM of its own ({@link ChildService}), on a port of
 * its own that it keeps across a restart, as does its name (the matcher's transactions
 * are named after it).
 */
final class ServiceInstance implements Endpoint {

	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String service;

	private final String name;

	private final int port;

	private final List<String> arguments;

	private final List<String> jvmOptions;

	private final Path log;

	private ChildJvm jvm;

	/**
	 * @param service {@code ingest}, {@code matcher} or {@code notifier}
	 * @param name this instance's name, e.g. {@code matcher-2}
	 * @param arguments its Spring arguments, its port included
	 */
	ServiceInstance(String service, String name, int port, List<String> arguments, List<String> jvmOptions, Path log) {
		this.service = service;
		this.name = name;
		this.port = port;
		this.arguments = List.copyOf(arguments);
		this.jvmOptions = List.copyOf(jvmOptions);
		this.log = log;
	}

	String service() {
		return this.service;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String url() {
		return "http://localhost:" + this.port;
	}

	void start() {
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		options.addAll(this.jvmOptions);
		List<String> arguments = new ArrayList<>();
		arguments.add(this.service);
		arguments.addAll(this.arguments);
		this.jvm = ChildJvm.start(this.name, options, ChildService.class.getName(), arguments, this.log);
	}

	/** Whether its readiness probe answers UP; throws when its JVM has ended. */
	boolean isReady() {
		return isUp("readiness");
	}

	/**
	 * Whether its {@code background} health group is UP: every background reader caught
	 * up (docs/operations.md), as an operator would wait for before sending it work.
	 */
	boolean isCaughtUp() {
		return isUp("background");
	}

	private boolean isUp(String group) {
		if (!this.jvm.isAlive()) {
			throw new IllegalStateException(this.name + " stopped while starting:\n" + this.jvm.logTail(40));
		}
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/" + group))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
	}

	boolean isAlive() {
		return this.jvm != null && this.jvm.isAlive();
	}

	/** {@code kill -9}. */
	void kill() {
		this.jvm.kill();
	}

	void stop() {
		if (this.jvm != null) {
			this.jvm.stop(Duration.ofSeconds(15));
		}
	}

	String logTail(int lines) {
		return this.jvm.logTail(lines);
	}

	@Override
	public String toString() {
		return this.name + " on " + url() + (this.jvm != null ? " (pid " + this.jvm.pid() + ")" : "");
	}

}
