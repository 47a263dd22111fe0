package uk.nhsjob.testsupport;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Testcontainers' Kafka (official apache/kafka image, KRaft), MongoDB and Mailpit, for
 * machines with a Docker engine. Messages are read back through Mailpit's HTTP API as raw
 * MIME, so tests parse exactly what the SMTP server received.
 */
final class ContainerInfrastructure implements TestInfrastructure {

	private static final int MAILPIT_SMTP = 1025;

	private static final int MAILPIT_HTTP = 8025;

	private final KafkaContainer kafka;

	private final MongoDBContainer mongo;

	private final GenericContainer<?> mailpit;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo, GenericContainer<?> mailpit) {
		this.kafka = kafka;
		this.mongo = mongo;
		this.mailpit = mailpit;
	}

	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	static ContainerInfrastructure start() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
		MongoDBContainer mongo = new MongoDBContainer("mongo:8");
		GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:v1.27")
			.withExposedPorts(MAILPIT_SMTP, MAILPIT_HTTP)
			.withEnv(Map.of("MP_SMTP_AUTH_ACCEPT_ANY", "1", "MP_SMTP_AUTH_ALLOW_INSECURE", "1"))
			.waitingFor(Wait.forHttp("/livez").forPort(MAILPIT_HTTP));
		kafka.start();
		mongo.start();
		mailpit.start();
		return new ContainerInfrastructure(kafka, mongo, mailpit);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public String smtpHost() {
		return this.mailpit.getHost();
	}

	@Override
	public int smtpPort() {
		return this.mailpit.getMappedPort(MAILPIT_SMTP);
	}

	/**
	 * Pauses the broker's container (its port stays mapped; clients time out). Not run
	 * here: this machine has no Docker.
	 */
	@Override
	public void stopKafka() {
		this.kafka.getDockerClient().pauseContainerCmd(this.kafka.getContainerId()).exec();
	}

	@Override
	public void startKafka() {
		this.kafka.getDockerClient().unpauseContainerCmd(this.kafka.getContainerId()).exec();
	}

	/** Pauses MongoDB's container, as {@link #stopKafka()} the broker's. */
	@Override
	public void stopMongo() {
		this.mongo.getDockerClient().pauseContainerCmd(this.mongo.getContainerId()).exec();
	}

	@Override
	public void startMongo() {
		this.mongo.getDockerClient().unpauseContainerCmd(this.mongo.getContainerId()).exec();
	}

	@Override
	public Mailbox mailbox() {
		return this::fetchMessages;
	}

	private List<MimeMessage> fetchMessages() {
		try {
			JsonNode list = this.json.readTree(get("/api/v1/messages?limit=1000"));
			List<MimeMessage> messages = new ArrayList<>();
			Session session = Session.getInstance(new Properties());
			for (JsonNode summary : list.path("messages")) {
				byte[] raw = get("/api/v1/message/" + summary.path("ID").asString() + "/raw");
				messages.add(new MimeMessage(session, new ByteArrayInputStream(raw)));
			}
			// Mailpit lists newest first
			Collections.reverse(messages);
			return messages;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not read Mailpit's messages", ex);
		}
	}

	private byte[] get(String path) throws Exception {
		URI uri = URI
			.create("http://" + this.mailpit.getHost() + ":" + this.mailpit.getMappedPort(MAILPIT_HTTP) + path);
		return this.http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	@Override
	public String toString() {
		return "containers (Kafka " + kafkaBootstrapServers() + ", MongoDB " + mongoUri() + ", SMTP " + smtpPort()
				+ ")";
	}

}
