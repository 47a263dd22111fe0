package uk.nhsjob.matcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * The matcher in a JVM of its own, against the tests' Kafka and MongoDB and on their
 * {@link ServiceClock}, so a test can kill it as an operating system would. One
 * {@code instance} name is one member of the group: started again under the same name, it
 * takes up its predecessor's transactions.
 */
final class MatcherProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private MatcherProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * @param run names the group, the database and the transactions of one test run
	 * @param instance names this member of the group
	 * @param haltInVacancy 0, or the vacancy in whose transaction it halts
	 */
	static MatcherProcess start(String run, String instance, int haltInVacancy) {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-D" + HaltOnSend.PROPERTY + "=" + haltInVacancy,
				"-D" + ChildMatcher.PARENT_PROPERTY + "=" + ProcessHandle.current().pid(), ChildMatcher.clockArgument(),
				"-cp", System.getProperty("java.class.path"), ChildMatcher.class.getName(), "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + infrastructure.mongoUri(), "--spring.mongodb.database=nhsjob-" + run,
				"--spring.kafka.consumer.group-id=" + run,
				"--spring.kafka.producer.transaction-id-prefix=" + run + "-" + instance + "-",
				"--spring.kafka.producer.properties.interceptor.classes=" + HaltOnSend.class.getName(),
				"--spring.kafka.producer.properties.transaction.timeout.ms=10000",
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--nhsjob.matcher.outbox-relay-interval=1s", "--nhsjob.matcher.token-secret=" + LinkSecrets.CURRENT));
		command.addAll(SecondMatcher.RAISED_LIMITS);
		try {
			Path log = Path.of("target", "matcher-processes", run + "-" + instance + ".log");
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			process.getOutputStream().close();
			return new MatcherProcess(instance, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code kill -9}: no shutdown hook, no transaction ended, no offset committed. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** Its exit code, once it has ended by itself within the time; -1 if it has not. */
	int awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (awaitExit(Duration.ofSeconds(20)) == -1) {
				kill();
			}
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", log " + this.log + ")";
	}

}
