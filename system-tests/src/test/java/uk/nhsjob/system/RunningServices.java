package uk.nhsjob.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import uk.nhsjob.ingest.IngestApplication;
import uk.nhsjob.matcher.MatcherApplication;
import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The three services, each in its own application context, in this JVM, on free ports;
 * they reach the test infrastructure through the system properties
 * {@code @RealInfrastructure} set. All three read the time from one {@link MovableClock},
 * which starts at a fixed moment, so that what they do does not depend on when the test
 * runs; Kafka, MongoDB and the SMTP server keep the real time.
 */
final class RunningServices implements AutoCloseable {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Tuesday in winter, mid-morning in London. */
	static final LocalDateTime DEFAULT_START = LocalDateTime.of(2030, 1, 15, 10, 0);

	final MovableClock clock;

	private final Duration coalescingWindow;

	final int ingestPort = freePort();

	final int matcherPort = freePort();

	final int notifierPort = freePort();

	final String adminToken = "skeleton-admin-token-" + System.nanoTime();

	/** Whether the ingest service is started without an admin token, to make its own. */
	private boolean ingestMakesItsAdminToken;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/** The services at {@link #DEFAULT_START}, sending each match at once. */
	RunningServices() {
		this(MovableClock.startingAt(DEFAULT_START, LONDON), Duration.ZERO);
	}

	/**
	 * @param clock the services' clock
	 * @param coalescingWindow the notifier's: how long the first match of an instant
	 * alert waits for others to share its email
	 */
	RunningServices(MovableClock clock, Duration coalescingWindow) {
		this.clock = clock;
		this.coalescingWindow = coalescingWindow;
	}

	/**
	 * The ingest service started without an admin token, so that it makes one for the run
	 * and prints it; {@link #adminToken} is then not the one it takes.
	 */
	RunningServices withIngestMakingItsAdminToken() {
		this.ingestMakesItsAdminToken = true;
		return this;
	}

	RunningServices start() {
		this.contexts.add(run(IngestApplication.application(), this.ingestPort,
				"--nhsjob.ingest.admin-token=" + (this.ingestMakesItsAdminToken ? "" : this.adminToken)));
		this.contexts.add(run(MatcherApplication.application(), this.matcherPort,
				"--nhsjob.matcher.public-base-url=" + matcherUrl(),
				"--nhsjob.matcher.token-secret=walking-skeleton-token-secret-" + System.nanoTime(),
				// every request of the tests comes from loopback, many candidates' among
				// them
				"--nhsjob.matcher.limits.alerts-per-client-per-hour=1000000",
				"--nhsjob.matcher.limits.confirmation-emails-per-hour=1000000",
				"--nhsjob.matcher.limits.previews-per-client-per-minute=1000000",
				// a moved clock's expiries and erasures happen within a second
				"--nhsjob.matcher.expiry-sweep-interval=1s", "--nhsjob.matcher.retention.sweep-interval=1s"));
		this.contexts.add(run(NotifierApplication.application(), this.notifierPort,
				"--nhsjob.notifier.coalescing-window=" + this.coalescingWindow.toMillis() + "ms",
				"--nhsjob.notifier.address-key=walking-skeleton-address-key-" + System.nanoTime(),
				"--nhsjob.notifier.admin-token=" + this.adminToken));
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

	/** A bean of the notifier's context: its mail sender, say, to point it elsewhere. */
	<T> T notifierBean(Class<T> type) {
		return this.contexts.get(2).getBean(type);
	}

	private ConfigurableApplicationContext run(SpringApplicationBuilder application, int port, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.add("--server.port=" + port);
		// beside the service's own clock, preferred to it wherever a Clock is injected
		return application
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("systemTestClock",
					Clock.class, () -> this.clock, (definition) -> definition.setPrimary(true)))
			.run(arguments.toArray(String[]::new));
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
