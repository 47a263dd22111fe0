package uk.nhsjob.testsupport;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.mail.internet.MimeMessage;
import kafka.server.BrokerServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * In-JVM infrastructure: a single-node KRaft broker, mongo-java-server's memory backend
 * and GreenMail (SMTP and IMAP), each on a free loopback port.
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

	private final EmbeddedKafkaKraftBroker kafka;

	private final KeptBackend mongoData;

	private final InetSocketAddress mongoAddress;

	private MongoServer mongo;

	private final String mongoUri;

	private final GreenMail greenMail;

	private EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, KeptBackend mongoData, MongoServer mongo,
			InetSocketAddress mongoAddress, GreenMail greenMail) {
		this.kafka = kafka;
		this.mongoData = mongoData;
		this.mongo = mongo;
		this.mongoAddress = mongoAddress;
		this.mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort();
		this.greenMail = greenMail;
	}

	static EmbeddedInfrastructure start() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
				"1", "offsets.topic.replication.factor", "1", "auto.create.topics.enable", "false"));
		kafka.afterPropertiesSet();

		KeptBackend mongoData = new KeptBackend();
		MongoServer mongo = new MongoServer(mongoData);
		InetSocketAddress mongoAddress = mongo.bind();

		GreenMail greenMail = new GreenMail(
				new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
						new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();

		EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(kafka, mongoData, mongo, mongoAddress,
				greenMail);
		Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "embedded-infrastructure-stop"));
		return infrastructure;
	}

	/**
	 * Shuts the broker down; the in-JVM controller keeps the cluster's metadata and the
	 * broker its log directory, so {@link #startKafka()} brings the same topics, records
	 * and offsets back on the same port.
	 */
	@Override
	public synchronized void stopKafka() {
		this.kafka.getCluster().brokers().values().forEach(BrokerServer::shutdown);
		this.kafka.getCluster().brokers().values().forEach(BrokerServer::awaitShutdown);
	}

	@Override
	public synchronized void startKafka() {
		this.kafka.getCluster().brokers().values().forEach(BrokerServer::startup);
		try {
			this.kafka.getCluster().waitForReadyBrokers();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the broker did not start again", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while starting the broker again", ex);
		}
	}

	/** Closes the server and every connection to it; the data stays. */
	@Override
	public synchronized void stopMongo() {
		this.mongo.shutdownNow();
	}

	@Override
	public synchronized void startMongo() {
		this.mongo = new MongoServer(this.mongoData);
		this.mongo.bind(this.mongoAddress);
	}

	private synchronized void stop() {
		this.greenMail.stop();
		this.mongo.shutdownNow();
		this.mongoData.closeForGood();
		this.kafka.destroy();
	}

	/** The data of the MongoDB-wire server, which outlives a stop of the server. */
	private static final class KeptBackend extends MemoryBackend {

		private volatile boolean closing;

		@Override
		public void close() {
			if (this.closing) {
				super.close();
			}
		}

		void closeForGood() {
			this.closing = true;
			close();
		}

	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	@Override
	public String mongoUri() {
		return this.mongoUri;
	}

	@Override
	public String smtpHost() {
		return "127.0.0.1";
	}

	@Override
	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	/** The IMAP port, where a recipient's address is both user name and password. */
	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	@Override
	public Mailbox mailbox() {
		return () -> List.copyOf(Arrays.<MimeMessage>asList(this.greenMail.getReceivedMessages()));
	}

	@Override
	public String toString() {
		return "embedded (Kafka " + kafkaBootstrapServers() + ", MongoDB " + this.mongoUri + ", SMTP " + smtpPort()
				+ ")";
	}

}
