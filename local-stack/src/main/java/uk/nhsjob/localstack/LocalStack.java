package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.localstack.inbox.InboxServer;
import uk.nhsjob.localstack.kafka.KafkaBroker;
import uk.nhsjob.localstack.kafka.KafkaCluster;
import uk.nhsjob.localstack.kafka.KafkaLibraries;
import uk.nhsjob.localstack.kafka.KafkaNodePorts;
import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.MailStore;
import uk.nhsjob.localstack.mongo.EmbeddedMongo;
import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.localstack.process.LeftOverProcesses;
import uk.nhsjob.localstack.services.DemoSource;
import uk.nhsjob.localstack.services.DemoSourceKey;
import uk.nhsjob.localstack.services.Service;
import uk.nhsjob.localstack.services.ServiceEnvironment;
import uk.nhsjob.localstack.services.ServiceProcesses;

/**
 * Starts the whole system on one machine: a Kafka broker (its own JVM), MongoDB (embedded
 * unless {@code MONGODB_URI} is set), a mail catcher with IMAP and a web inbox, and the
 * three services (their own JVMs); writes the sample feeds with today's dates
 * ({@link SampleFeeds}), registers the demo source and prints where everything is. Ctrl-C
 * stops it all. {@code --infrastructure-only} leaves the services out.
 */
public final class LocalStack {

	static final String HOST = "127.0.0.1";

	static final int KAFKA_PORT = 9092;

	static final int KAFKA_CONTROLLER_PORT = 9093;

	static final int MONGO_PORT = 27017;

	static final int SMTP_PORT = 1025;

	static final int IMAP_PORT = 1143;

	static final int INBOX_PORT = 8025;

	static final String INBOX_URL = "http://localhost:" + INBOX_PORT;

	/** Where the links in the emails point: the matcher as a browser reaches it. */
	static final String MATCHER_PUBLIC_BASE_URL = "http://localhost:8082";

	private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration SERVICES_TIMEOUT = Duration.ofMinutes(5);

	private final StackLayout layout;

	private final Map<String, String> environment;

	private final boolean withServices;

	private final Clock clock = Clock.system(ZoneId.of("Europe/London"));

	private final Shutdown shutdown = new Shutdown(LocalStack::say);

	private final CountDownLatch stopped = new CountDownLatch(1);

	/** Held while running; released by the operating system however the launcher ends. */
	private @Nullable DataFolderLock lock;

	LocalStack(StackLayout layout, Map<String, String> environment, boolean withServices) {
		this.layout = layout;
		this.environment = environment;
		this.withServices = withServices;
	}

	public static void main(String[] args) {
		boolean withServices = true;
		for (String arg : args) {
			switch (arg) {
				case "--infrastructure-only" -> withServices = false;
				case "-h", "--help" -> {
					System.out.println(usage());
					return;
				}
				default -> {
					System.err.println("Unknown argument " + arg + "\n" + usage());
					System.exit(2);
				}
			}
		}
		StackLayout layout = StackLayout.resolve(System.getenv(), System.getProperty(StackLayout.ROOT_PROPERTY),
				System.getProperty("local-stack.dir"), Path.of("").toAbsolutePath());
		configureLogging(layout);
		LocalStack stack = new LocalStack(layout, System.getenv(), withServices);
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
		stack.awaitStop();
	}

	private static String usage() {
		return """
				Usage: ./run-local.sh [--infrastructure-only]
				  Starts Kafka, MongoDB (embedded unless MONGODB_URI is set), a mail catcher with a web
				  inbox, and the three services. Data under .local-stack/ (LOCAL_STACK_DIR). Ctrl-C stops all.
				  --infrastructure-only   everything but the three services""";
	}

	/**
	 * The launcher's own log (the libraries' chatter) goes to a file, not the terminal.
	 */
	private static void configureLogging(StackLayout layout) {
		try {
			Files.createDirectories(layout.logs());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + layout.logs(), ex);
		}
		setIfAbsent("org.slf4j.simpleLogger.logFile", layout.logs().resolve("local-stack.log").toString());
		setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
		setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
		setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
	}

	private static void setIfAbsent(String property, String value) {
		if (System.getProperty(property) == null) {
			System.setProperty(property, value);
		}
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
		List<Service> services = this.withServices
				? Service.locate(this.layout.root(), LocalStack.class.getPackage().getImplementationVersion())
				: List.of();
		@Nullable String externalMongo = this.environment.get("MONGODB_URI");
		boolean embeddedMongo = externalMongo == null || externalMongo.isBlank();
		Ports.requireFree(HOST, ports(services, embeddedMongo));

		// the broker takes longest: the rest starts in this JVM while it comes up
		KafkaCluster kafka = startKafka();
		String mongoUri = embeddedMongo ? startMongo() : externalMongo.strip();
		if (!embeddedMongo) {
			say("Using MongoDB at " + Banner.withoutPassword(mongoUri) + " (MONGODB_URI)");
		}
		MailServer mail = startMail();
		kafka.awaitReady(KAFKA_TIMEOUT);
		say("Kafka is ready on %s (%d s)".formatted(kafka.bootstrapServers(), secondsSince(startedAt)));
		kafka.brokers().stream().map(KafkaBroker::process).forEach(this::watch);

		String adminToken = Secrets.fromVariableOrKept(this.environment.get("NHSJOB_INGEST_ADMIN_TOKEN"),
				this.layout.adminTokenFile());
		@Nullable DemoSourceKey demoSource = null;
		if (!services.isEmpty()) {
			startServices(services, new ServiceEnvironment(mongoUri, kafka.bootstrapServers(), HOST, mail.smtpPort(),
					adminToken, Secrets.kept(this.layout.matcherTokenSecretFile()), MATCHER_PUBLIC_BASE_URL));
			demoSource = registerDemoSource(services, adminToken);
		}

		System.out.println(new Banner(Duration.ofNanos(System.nanoTime() - startedAt), services,
				kafka.bootstrapServers(), mongoUri, embeddedMongo, mail.smtpPort(), mail.imapPort(), INBOX_URL,
				adminToken, demoSource, this.layout.demoFeed(), this.layout)
			.render());
	}

	private KafkaCluster startKafka() {
		say("Starting Kafka");
		KafkaCluster kafka = KafkaCluster.start(KafkaLibraries.folder(this.layout.kafkaLibs()), this.layout.kafka(),
				List.of(new KafkaNodePorts(KAFKA_PORT, KAFKA_CONTROLLER_PORT)), this.layout.logs(), this.layout.data(),
				LocalStack::say);
		this.shutdown.add("Kafka", kafka::stop);
		return kafka;
	}

	private String startMongo() {
		EmbeddedMongo mongo = EmbeddedMongo.start(HOST, MONGO_PORT, this.layout.mongoFile());
		this.shutdown.add("MongoDB", mongo::close);
		say("MongoDB (embedded) is listening on " + mongo.connectionString());
		return mongo.connectionString();
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

	private void startServices(List<Service> services, ServiceEnvironment environment) {
		say("Starting " + String.join(", ", services.stream().map(Service::name).toList()));
		ServiceProcesses processes = ServiceProcesses.start(services, environment, this.layout.data(),
				this.layout.logs());
		this.shutdown.add("the services", () -> processes.stop(LocalStack::say));
		processes.awaitReady(SERVICES_TIMEOUT, LocalStack::say);
		processes.processes().forEach(this::watch);
	}

	private static Map<String, Integer> ports(List<Service> services, boolean embeddedMongo) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("Kafka", KAFKA_PORT);
		ports.put("Kafka controller", KAFKA_CONTROLLER_PORT);
		if (embeddedMongo) {
			ports.put("MongoDB", MONGO_PORT);
		}
		ports.put("SMTP", SMTP_PORT);
		ports.put("IMAP", IMAP_PORT);
		ports.put("web inbox", INBOX_PORT);
		services.forEach((service) -> ports.put(service.name(), service.port()));
		return ports;
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

	/** Says so when a child ends while the stack is meant to be running. */
	private void watch(ChildProcess process) {
		process.onExit().thenRun(() -> {
			if (!this.shutdown.isStopping()) {
				say("WARNING: " + process.name() + " exited (code " + process.exitValue() + "); see "
						+ this.layout.display(process.log()));
			}
		});
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
