package uk.nhsjob.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.localstack.control.ChildKind;
import uk.nhsjob.localstack.control.ControlServer;
import uk.nhsjob.localstack.inbox.InboxServer;
import uk.nhsjob.localstack.kafka.KafkaCluster;
import uk.nhsjob.localstack.kafka.KafkaLibraries;
import uk.nhsjob.localstack.kafka.KafkaNodePorts;
import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.MailStore;
import uk.nhsjob.localstack.mongo.EmbeddedMongo;
import uk.nhsjob.localstack.process.LeftOverProcesses;
import uk.nhsjob.localstack.process.RestartBackOff;
import uk.nhsjob.localstack.process.Supervisor;
import uk.nhsjob.localstack.services.DemoPullSource;
import uk.nhsjob.localstack.services.DemoSource;
import uk.nhsjob.localstack.services.DemoSourceKey;
import uk.nhsjob.localstack.services.Service;
import uk.nhsjob.localstack.services.ServiceEnvironment;
import uk.nhsjob.localstack.services.ServiceInstance;
import uk.nhsjob.localstack.services.ServiceProcesses;

/**
 * Starts the whole system on one machine: a Kafka broker (its own JVM), MongoDB (embedded
 * unless {@code MONGODB_URI} is set), a mail catcher with IMAP and a web inbox, and the
 * three services (their own JVMs); writes the sample feeds with today's dates
 * ({@link SampleFeeds}), registers the demo source and prints where everything is. Ctrl-C
 * stops it all. {@code --infrastructure-only} leaves the services out;
 * {@code --brokers 3 --instances 2} runs a three-broker cluster and two instances of each
 * service; a child that crashes is reported, and started again with
 * {@code --restart-crashed} ({@link StackOptions}).
 */
public final class LocalStack {

	static final String HOST = "127.0.0.1";

	static final int KAFKA_PORT = 9092;

	static final int KAFKA_CONTROLLER_PORT = 9093;

	/** The first controller port of a cluster, the brokers' ports being 9092 and up. */
	static final int KAFKA_CLUSTER_CONTROLLER_PORT = 9095;

	static final int MONGO_PORT = 27017;

	static final int SMTP_PORT = 1025;

	static final int IMAP_PORT = 1143;

	static final int INBOX_PORT = 8025;

	static final String INBOX_URL = "http://localhost:" + INBOX_PORT;

	/**
	 * The control interface's port unless {@link #CONTROL_PORT_VARIABLE} names another.
	 */
	static final int CONTROL_PORT = 8026;

	static final String CONTROL_PORT_VARIABLE = "LOCAL_STACK_CONTROL_PORT";

	/** Where the links in the emails point: the matcher as a browser reaches it. */
	static final String MATCHER_PUBLIC_BASE_URL = "http://localhost:8082";

	private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration SERVICES_TIMEOUT = Duration.ofMinutes(5);

	private final StackLayout layout;

	private final Map<String, String> environment;

	private final StackOptions options;

	private final Clock clock = Clock.system(ZoneId.of("Europe/London"));

	private final Shutdown shutdown = new Shutdown(LocalStack::say);

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final Supervisor supervisor;

	/** Held while running; released by the operating system however the launcher ends. */
	private @Nullable DataFolderLock lock;

	LocalStack(StackLayout layout, Map<String, String> environment, StackOptions options) {
		this.layout = layout;
		this.environment = environment;
		this.options = options;
		this.supervisor = new Supervisor(options.restartCrashed(), RestartBackOff.DEFAULT, LocalStack::say,
				restartHint(System.console() != null), this.shutdown::isStopping);
	}

	public static void main(String[] args) {
		StackOptions options;
		try {
			options = StackOptions.parse(List.of(args));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n" + StackOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(StackOptions.USAGE);
			return;
		}
		StackLayout layout = StackLayout.resolve(System.getenv(), System.getProperty(StackLayout.ROOT_PROPERTY),
				System.getProperty("local-stack.dir"), Path.of("").toAbsolutePath());
		LauncherLog.configure(layout.logs());
		LocalStack stack = new LocalStack(layout, System.getenv(), options);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			if (!stack.shutdown.isStopping()) {
				System.err.println();
				System.err.println("[local-stack] Could not start: " + ex.getMessage());
			}
			System.exit(1);
		}
		stack.restartOnEnter();
		stack.awaitStop();
	}

	/** What to do about a crashed child when it is not started again by itself. */
	static String restartHint(boolean interactive) {
		return (interactive ? "Press Enter here to start it again" : "Restart the stack to start it again")
				+ "; with --restart-crashed the stack starts a crashed child again by itself.";
	}

	/**
	 * In a terminal, Enter starts the crashed children again (those that
	 * {@code --restart-crashed} would have).
	 */
	private void restartOnEnter() {
		if (System.console() == null) {
			return;
		}
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()))) {
				while (in.readLine() != null) {
					if (!this.shutdown.isStopping()) {
						this.supervisor.restartCrashed();
					}
				}
			}
			catch (IOException ex) {
				// no terminal to read from: nothing to restart on
			}
		}, "local-stack-enter");
		reader.setDaemon(true);
		reader.start();
	}

	void start() {
		long startedAt = System.nanoTime();
		this.layout.requireRepository();
		say("Data in " + this.layout.display(this.layout.data()) + "/, logs in "
				+ this.layout.display(this.layout.logs()) + "/");
		this.lock = DataFolderLock.acquire(this.layout.data());
		LeftOverProcesses.stop(this.layout.data(), LocalStack::say);
		SampleFeeds.write(this.layout.sampleTemplates(), this.layout.samples(), LocalDate.now(this.clock));
		say("Sample feeds with today's dates in " + this.layout.display(this.layout.samples()) + "/");
		List<Service> services = this.options.withServices()
				? Service.locate(this.layout.root(), LocalStack.class.getPackage().getImplementationVersion())
				: List.of();
		List<ServiceInstance> instances = ServiceInstance.of(services, this.options.instances());
		List<KafkaNodePorts> kafkaPorts = kafkaPorts(this.options.brokers());
		@Nullable String externalMongo = this.environment.get("MONGODB_URI");
		boolean embeddedMongo = externalMongo == null || externalMongo.isBlank();
		int controlPort = controlPort(this.environment);
		int demoPullPort = DemoPullSite.port(this.environment);
		boolean demoPull = !instances.isEmpty() && DemoPullSite.isWanted(this.environment);
		Map<String, Integer> ports = ports(kafkaPorts, instances, embeddedMongo, controlPort);
		if (demoPull) {
			ports.put("demo pull source", demoPullPort);
		}
		Ports.requireFree(HOST, ports);

		// the broker takes longest: the rest starts in this JVM while it comes up
		KafkaCluster kafka = startKafka(kafkaPorts);
		@Nullable EmbeddedMongo mongo = embeddedMongo ? startMongo() : null;
		String mongoUri = (mongo != null) ? mongo.connectionString() : externalMongo.strip();
		if (mongo == null) {
			say("Using MongoDB at " + Banner.withoutPassword(mongoUri) + " (MONGODB_URI)");
		}
		MailServer mail = startMail();
		ControlServer control = startControl(controlPort, mongo, mail);
		// served only for the ingest service the stack starts, which pulls it
		@Nullable DemoPullSite demoPullSite = demoPull ? startDemoPullSite(demoPullPort) : null;
		kafka.awaitReady(KAFKA_TIMEOUT);
		say("Kafka is ready on %s (%d s)".formatted(kafka.bootstrapServers(), secondsSince(startedAt)));
		kafka.brokers().forEach(this.supervisor::watch);
		kafka.brokers().forEach((broker) -> control.add(ChildKind.BROKER, broker));

		String adminToken = Secrets.fromVariableOrKept(this.environment.get("NHSJOB_INGEST_ADMIN_TOKEN"),
				this.layout.adminTokenFile());
		String notifierAdminToken = Secrets.fromVariableOrKept(this.environment.get("NHSJOB_NOTIFIER_ADMIN_TOKEN"),
				this.layout.notifierAdminTokenFile());
		@Nullable DemoSourceKey demoSource = null;
		List<Banner.Child> children = new ArrayList<>();
		kafka.brokers().forEach((broker) -> children.add(new Banner.Child(broker.name(), broker.pid())));
		if (!instances.isEmpty()) {
			ServiceProcesses processes = startServices(instances,
					new ServiceEnvironment(mongoUri, kafka.bootstrapServers(), kafka.replicationFactor(),
							kafka.minInsyncReplicas(), HOST, mail.smtpPort(), adminToken,
							Secrets.kept(this.layout.matcherTokenSecretFile()), MATCHER_PUBLIC_BASE_URL,
							notifierAdminToken, Secrets.kept(this.layout.notifierAddressKeyFile())));
			processes.processes()
				.forEach((process) -> children.add(new Banner.Child(process.name(), process.process().pid())));
			processes.processes().forEach((process) -> control.add(ChildKind.SERVICE, process));
			demoSource = registerDemoSource(services, adminToken);
			if (demoPullSite != null) {
				registerDemoPullSource(services, adminToken, demoPullSite.url());
			}
		}

		System.out.println(new Banner(Duration.ofNanos(System.nanoTime() - startedAt), instances,
				new Banner.Kafka(kafka.bootstrapServers(), kafka.size(), kafka.replicationFactor(),
						kafka.minInsyncReplicas()),
				mongoUri, embeddedMongo, mail.smtpPort(), mail.imapPort(), INBOX_URL, control.url(), adminToken,
				notifierAdminToken, demoSource, this.layout.demoFeed(), this.layout,
				this.options.isCluster() ? children : List.of(), this.options.restartCrashed())
			.render());
	}

	/**
	 * The ports of each broker: 9092 and 9093 (its controller) alone, as always; 9092 and
	 * up for the brokers of a cluster, and 9095 and up for their controllers.
	 */
	static List<KafkaNodePorts> kafkaPorts(int brokers) {
		if (brokers == 1) {
			return List.of(new KafkaNodePorts(KAFKA_PORT, KAFKA_CONTROLLER_PORT));
		}
		return IntStream.range(0, brokers)
			.mapToObj((i) -> new KafkaNodePorts(KAFKA_PORT + i, KAFKA_CLUSTER_CONTROLLER_PORT + i))
			.toList();
	}

	private KafkaCluster startKafka(List<KafkaNodePorts> ports) {
		say((ports.size() == 1) ? "Starting Kafka" : "Starting a Kafka cluster of " + ports.size() + " brokers");
		KafkaCluster kafka = KafkaCluster.start(KafkaLibraries.folder(this.layout.kafkaLibs()),
				this.layout.kafka(ports.size()), ports, this.layout.logs(), this.layout.data(), LocalStack::say);
		this.shutdown.add("Kafka", kafka::stop);
		return kafka;
	}

	private EmbeddedMongo startMongo() {
		EmbeddedMongo mongo = EmbeddedMongo.start(HOST, MONGO_PORT, this.layout.mongoFile());
		this.shutdown.add("MongoDB", mongo::close);
		say("MongoDB (embedded) is listening on " + mongo.connectionString());
		return mongo;
	}

	private ControlServer startControl(int port, @Nullable EmbeddedMongo mongo, MailServer mail) {
		ControlServer control = ControlServer.start(HOST, port, mongo, mail);
		this.shutdown.add("the control interface", control::close);
		say("Control interface on " + control.url() + " (loopback only)");
		return control;
	}

	/**
	 * The control interface's port: {@value #CONTROL_PORT}, or the one
	 * {@code LOCAL_STACK_CONTROL_PORT} names.
	 * @throws IllegalArgumentException when the variable is not a port
	 */
	static int controlPort(Map<String, String> environment) {
		String value = environment.getOrDefault(CONTROL_PORT_VARIABLE, "").strip();
		if (value.isEmpty()) {
			return CONTROL_PORT;
		}
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalArgumentException(CONTROL_PORT_VARIABLE + " must be a port from 1 to 65535, not " + value);
	}

	private MailServer startMail() {
		MailStore store = new MailStore(this.layout.mail());
		MailServer mail = MailServer.start(HOST, SMTP_PORT, IMAP_PORT, store);
		this.shutdown.add("the mail server", mail::close);
		InboxServer inbox = InboxServer.start(HOST, INBOX_PORT, store);
		this.shutdown.add("the web inbox", inbox::close);
		say("Mail: SMTP %s:%d, IMAP %s:%d, inbox %s (%d kept messages)".formatted(HOST, mail.smtpPort(), HOST,
				mail.imapPort(), INBOX_URL, mail.restored()));
		return mail;
	}

	private ServiceProcesses startServices(List<ServiceInstance> instances, ServiceEnvironment environment) {
		say("Starting " + String.join(", ", instances.stream().map(ServiceInstance::name).toList()));
		ServiceProcesses processes = ServiceProcesses.start(instances, environment, this.layout.data(),
				this.layout.logs());
		this.shutdown.add("the services", () -> processes.stop(LocalStack::say));
		processes.awaitReady(SERVICES_TIMEOUT, LocalStack::say);
		processes.processes().forEach(this.supervisor::watch);
		return processes;
	}

	static Map<String, Integer> ports(List<KafkaNodePorts> kafka, List<ServiceInstance> instances,
			boolean embeddedMongo, int controlPort) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (int i = 0; i < kafka.size(); i++) {
			String broker = (kafka.size() == 1) ? "Kafka" : "Kafka broker " + (i + 1);
			ports.put(broker, kafka.get(i).port());
			ports.put(broker + " controller", kafka.get(i).controllerPort());
		}
		if (embeddedMongo) {
			ports.put("MongoDB", MONGO_PORT);
		}
		ports.put("SMTP", SMTP_PORT);
		ports.put("IMAP", IMAP_PORT);
		ports.put("web inbox", INBOX_PORT);
		ports.put("control interface", controlPort);
		instances.forEach((instance) -> ports.put(instance.name(), instance.port()));
		return ports;
	}

	private DemoPullSite startDemoPullSite(int port) {
		DemoPullSite site = DemoPullSite.start(HOST, port, this.layout.samples());
		this.shutdown.add("the demo pull source's site", site::close);
		say("Demo pull source's NHS Jobs search (two pages) on " + site.url());
		return site;
	}

	private void registerDemoPullSource(List<Service> services, String adminToken, URI url) {
		Service ingest = services.stream()
			.filter((service) -> service.name().equals(Service.INGEST))
			.findFirst()
			.orElseThrow();
		new DemoPullSource(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + ingest.port()), adminToken)
			.register(url);
		say("Demo pull source " + DemoPullSource.ID + " pulls " + url + " every " + DemoPullSource.EVERY
				+ "; its vacancies arrive within seconds");
	}

	private DemoSourceKey registerDemoSource(List<Service> services, String adminToken) {
		Service ingest = services.stream()
			.filter((service) -> service.name().equals(Service.INGEST))
			.findFirst()
			.orElseThrow();
		DemoSource demo = new DemoSource(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + ingest.port()),
				adminToken);
		DemoSourceKey key = demo.register(Secrets.read(this.layout.demoSourceKeyFile()));
		if (!key.kept()) {
			Secrets.writePrivately(this.layout.demoSourceKeyFile(), key.apiKey());
		}
		String keyFile = this.layout.display(this.layout.demoSourceKeyFile());
		say("Demo source " + key.sourceId() + switch (key.origin()) {
			case REGISTERED -> " registered; its key is kept in " + keyFile;
			case KEPT -> " already registered; the key kept in " + keyFile + " still serves";
			case ISSUED -> " already registered, without a key that serves; a new key is kept in " + keyFile;
		});
		return key;
	}

	private void awaitStop() {
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops everything started, newest first: the services, the mail servers, MongoDB,
	 * Kafka.
	 */
	void stop() {
		boolean quiet = this.shutdown.isStopping() || !this.shutdown.hasSteps();
		long startedAt = System.nanoTime();
		if (!quiet) {
			say("Stopping ...");
		}
		// every exit from here on is expected
		this.supervisor.close();
		this.shutdown.run();
		if (this.lock != null) {
			this.lock.release();
		}
		if (!quiet) {
			say("Stopped (%d s)".formatted(secondsSince(startedAt)));
		}
		this.stopped.countDown();
	}

	private static long secondsSince(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime).toSeconds();
	}

	static void say(String message) {
		System.out.println("[local-stack] " + message);
	}

}
