package uk.nhsjob.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.nhsjob.ingest.IngestApplication;
import uk.nhsjob.matcher.MatcherApplication;
import uk.nhsjob.notifier.NotifierApplication;

/**
 * The three services, each in its own application context, in this JVM, on free ports;
 * they reach the test infrastructure through the system properties
 * {@code @RealInfrastructure} set.
 */
final class RunningServices implements AutoCloseable {

	final int ingestPort = freePort();

	final int matcherPort = freePort();

	final int notifierPort = freePort();

	final String adminToken = "skeleton-admin-token-" + System.nanoTime();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	RunningServices start() {
		this.contexts.add(run(IngestApplication.application(), this.ingestPort,
				"--nhsjob.ingest.admin-token=" + this.adminToken));
		this.contexts.add(run(MatcherApplication.application(), this.matcherPort,
				"--nhsjob.matcher.public-base-url=" + matcherUrl(),
				"--nhsjob.matcher.token-secret=walking-skeleton-token-secret-" + System.nanoTime()));
		this.contexts
			.add(run(NotifierApplication.application(), this.notifierPort, "--nhsjob.notifier.coalescing-window=0s"));
		return this;
	}

	String ingestUrl() {
		return "http://localhost:" + this.ingestPort;
	}

	String matcherUrl() {
		return "http://localhost:" + this.matcherPort;
	}

	String notifierUrl() {
		return "http://localhost:" + this.notifierPort;
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder application, int port, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.add("--server.port=" + port);
		return application.run(arguments.toArray(String[]::new));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

}
