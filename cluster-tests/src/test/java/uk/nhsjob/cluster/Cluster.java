package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.core.ConditionTimeoutException;

import uk.nhsjob.localstack.kafka.KafkaCluster;
import uk.nhsjob.localstack.kafka.KafkaLibraries;

import static org.awaitility.Awaitility.await;

/**
 * The system as several instances run it: Kafka nodes and every service instance in JVMs
 * of their own, one MongoDB-wire server and one SMTP server in this JVM (as test-support
 * starts them). Every instance of a service gets the same settings but its port and its
 * name; the matchers share one token secret, each with its own transaction-id prefix.
 */
final class Cluster implements AutoCloseable {

	static final String INGEST = "ingest";

	static final String MATCHER = "matcher";

	static final String NOTIFIER = "notifier";

	final String adminToken = "cluster-admin-token-" + System.nanoTime();

	final ClusterClock clock = new ClusterClock();

	private final ClusterLayout layout;

	private final Path folder;

	private final Consumer<String> say;

	private KafkaCluster brokers;

	private MongoServer mongo;

	private String mongoUri;

	private GreenMail smtp;

	private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

	private Cluster(ClusterLayout layout, Path folder, Consumer<String> say) {
		this.layout = layout;
		this.folder = folder;
		this.say = say;
	}

	static Cluster start(ClusterLayout layout, Path folder, Consumer<String> say) {
		Cluster cluster = new Cluster(layout, folder, say);
		try {
			cluster.startAll();
			return cluster;
		}
		catch (RuntimeException | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	private void startAll() {
		long started = System.nanoTime();
		this.mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress mongoAddress = this.mongo.bind();
		this.mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort();
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.smtp.start();
		this.brokers = KafkaCluster.startOnFreePorts(KafkaLibraries.built(Path.of("")),
				this.folder.toAbsolutePath().resolve("kafka"), this.layout.brokers());
		this.brokers.awaitReady(Duration.ofMinutes(3));
		this.say.accept("Kafka: %d node(s) on %s (%d s)".formatted(this.layout.brokers(),
				this.brokers.bootstrapServers(), seconds(started)));
		String tokenSecret = "cluster-token-secret-shared-by-every-matcher-" + System.nanoTime();
		for (int i = 1; i <= this.layout.ingests(); i++) {
			add(INGEST, i, List.of("--nhsjob.ingest.admin-token=" + this.adminToken,
					"--nhsjob.ingest.rate-limit.feeds=10000", "--nhsjob.ingest.outbox.retry-interval=2s"));
		}
		for (int i = 1; i <= this.layout.matchers(); i++) {
			add(MATCHER, i, List.of("--nhsjob.matcher.token-secret=" + tokenSecret,
					"--spring.kafka.producer.transaction-id-prefix=matcher-" + i + "-",
					"--spring.kafka.producer.properties.transaction.timeout.ms=10000",
					"--nhsjob.matcher.outbox-relay-interval=1s", "--nhsjob.matcher.confirmation-emails-per-hour=100",
					// the runs create their alerts from loopback, every instance counting
					// together
					"--nhsjob.matcher.limits.alerts-per-client-per-hour=1000000",
					"--nhsjob.matcher.limits.confirmation-emails-per-hour=1000000",
					"--nhsjob.matcher.limits.previews-per-client-per-minute=1000000"));
		}
		String addressKey = "cluster-address-key-shared-by-every-notifier-" + System.nanoTime();
		for (int i = 1; i <= this.layout.notifiers(); i++) {
			add(NOTIFIER, i, List.of("--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
					"--nhsjob.notifier.address-key=" + addressKey, "--nhsjob.notifier.admin-token=" + this.adminToken,
					"--nhsjob.notifier.coalescing-window=" + 2000 + "ms",
					"--nhsjob.notifier.delivery.poll-interval=500ms", "--nhsjob.notifier.delivery.sending-timeout=60s",
					"--nhsjob.notifier.delivery.retry-initial-interval=2s",
					"--nhsjob.notifier.delivery.retry-max-interval=10s"));
		}
		all().forEach(ServiceInstance::start);
		awaitReady(all(), Duration.ofMinutes(4));
		this.say.accept("Services: %s (%d s)".formatted(all(), seconds(started)));
	}

	private void add(String service, int number, List<String> own) {
		int port = freePort();
		String name = service + "-" + number;
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + this.brokers.bootstrapServers(),
						"--spring.mongodb.uri=" + this.mongoUri,
						"--nhsjob.kafka.replication-factor=" + Math.min(3, this.layout.brokers()),
						"--nhsjob.kafka.min-insync-replicas=" + Math.min(2, this.layout.brokers()),
						"--spring.kafka.consumer.properties.session.timeout.ms=6000",
						"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000", "--logging.level.root=WARN",
						"--logging.level.uk.nhsjob=INFO"));
		if (service.equals(MATCHER)) {
			arguments.add("--nhsjob.matcher.public-base-url=http://localhost:" + port);
		}
		arguments.addAll(own);
		this.instances.computeIfAbsent(service, (key) -> new ArrayList<>())
			.add(new ServiceInstance(service, name, port, arguments, List.of(this.clock.childOption()),
					this.folder.resolve("logs").resolve(name + ".log")));
	}

	private void awaitReady(List<ServiceInstance> waiting, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> waiting.stream().allMatch(ServiceInstance::isReady));
		try {
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> waiting.stream().allMatch(ServiceInstance::isCaughtUp));
		}
		catch (ConditionTimeoutException ex) {
			this.say.accept("background readers still behind after a minute: " + waiting.stream()
				.filter((instance) -> !instance.isCaughtUp())
				.map(ServiceInstance::name)
				.toList());
		}
	}

	List<ServiceInstance> all() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	List<ServiceInstance> instances(String service) {
		return this.instances.getOrDefault(service, List.of());
	}

	ClusterLayout layout() {
		return this.layout;
	}

	KafkaCluster brokers() {
		return this.brokers;
	}

	String bootstrapServers() {
		return this.brokers.bootstrapServers();
	}

	GreenMail smtp() {
		return this.smtp;
	}

	String mongoUri() {
		return this.mongoUri;
	}

	/** {@code kill -9} of an instance, then a start under the same name and port. */
	void killAndRestart(ServiceInstance instance, Duration down) {
		instance.kill();
		this.say.accept("killed -9 " + instance.name());
		pause(down);
		instance.start();
		awaitReady(List.of(instance), Duration.ofMinutes(3));
		this.say.accept("restarted " + instance);
	}

	/** {@code kill -9} of a Kafka node (1-based), then a start on its storage. */
	void killAndRestartBroker(int nodeId, Duration down) {
		this.brokers.broker(nodeId).kill();
		this.say.accept("killed -9 Kafka node " + nodeId);
		pause(down);
		this.brokers.restart(nodeId);
		this.say.accept("restarted Kafka node " + nodeId);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A deliberate gap in the workload (not a wait for a condition). */
	static void pause(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
	}

	private static long seconds(long since) {
		return Duration.ofNanos(System.nanoTime() - since).toSeconds();
	}

	@Override
	public void close() {
		all().forEach(ServiceInstance::stop);
		if (this.brokers != null) {
			this.brokers.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		if (this.mongo != null) {
			this.mongo.shutdownNow();
		}
	}

}
