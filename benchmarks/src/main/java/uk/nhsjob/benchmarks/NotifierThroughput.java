package uk.nhsjob.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * Instant alerts from {@code nhsjob.alerts.v1} to a local SMTP server through the
 * notifier (ledger included, coalescing window zero), beside a bare Jakarta Mail loop to
 * the same server on one reused connection and on a new connection per message. Prints
 * messages per second. Argument: the number of alerts (one match each), default 2000.
 */
public final class NotifierThroughput {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private NotifierThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		LongSupplier received = () -> infrastructure.mailbox().messages().size();

		bareLoop(infrastructure, 200, true, received); // warm-up
		double reused = bareLoop(infrastructure, messages, true, received);
		double fresh = bareLoop(infrastructure, Math.max(messages / 4, 100), false, received);
		double notifier = notifier(infrastructure, messages, received);

		System.out.println();
		System.out.println("| sender (" + messages + " messages) | messages/s |");
		System.out.println("|---|---|");
		System.out.printf("| bare Jakarta Mail, one reused connection | %.0f |%n", reused);
		System.out.printf("| bare Jakarta Mail, a new connection each | %.0f |%n", fresh);
		System.out.printf("| notifier: nhsjob.alerts.v1 -> ledger -> SMTP | %.0f (%.0f%% of the reused loop) |%n",
				notifier, 100 * notifier / reused);
		System.exit(0);
	}

	private static double bareLoop(TestInfrastructure infrastructure, int messages, boolean reuse,
			LongSupplier received) throws MessagingException {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", infrastructure.smtpHost());
		properties.setProperty("mail.smtp.port", String.valueOf(infrastructure.smtpPort()));
		Session session = Session.getInstance(properties);
		long before = received.getAsLong();
		long start = System.nanoTime();
		Transport transport = null;
		for (int n = 0; n < messages; n++) {
			if (transport == null) {
				transport = session.getTransport("smtp");
				transport.connect();
			}
			MimeMessage message = message(session, "bare-" + UUID.randomUUID() + "@example.org", n);
			transport.sendMessage(message, message.getAllRecipients());
			if (!reuse) {
				transport.close();
				transport = null;
			}
		}
		if (transport != null) {
			transport.close();
		}
		awaitReceived(received, before + messages);
		return messages / seconds(start);
	}

	private static MimeMessage message(Session session, String to, int n) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alerts@nhsjob.localhost"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject("1 new medical secretary job within 10 miles of LS6", "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Medical Secretary " + n + "\nhttps://jobs.example.nhs.uk/" + n, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Medical Secretary " + n + "</p>", "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		return message;
	}

	private static double notifier(TestInfrastructure infrastructure, int messages, LongSupplier received)
			throws Exception {
		createTopics(infrastructure.kafkaBootstrapServers());
		// system properties and arguments outrank the service's own settings file
		infrastructure.springProperties().forEach(System::setProperty);
		List<String> arguments = new ArrayList<>(
				// the notifier's own settings but for the coalescing window: a round of
				// at most 100 emails every second (at once again after a full one)
				List.of("--server.port=0", "--spring.mongodb.database=nhsjob-notifier-benchmark-" + UUID.randomUUID(),
						"--nhsjob.notifier.coalescing-window=0s", "--logging.level.root=WARN",
						"--nhsjob.notifier.address-key=a-benchmark-address-key-of-32-characters-or-more",
						"--nhsjob.notifier.admin-token=a-benchmark-admin-token"));
		String mongoUri = System.getenv("MONGODB_URI");
		if (mongoUri != null) {
			// a real MongoDB: the in-JVM test server has no secondary indexes
			arguments.add("--spring.mongodb.uri=" + mongoUri);
		}
		try (ConfigurableApplicationContext notifier = NotifierApplication.application()
			.run(arguments.toArray(String[]::new));
				KafkaProducer<String, byte[]> producer = producer(infrastructure.kafkaBootstrapServers())) {
			MongoTemplate mongo = notifier.getBean(MongoTemplate.class);
			List<String> alerts = new ArrayList<>();
			for (int n = 0; n < messages; n++) {
				String alertId = "bench-" + UUID.randomUUID();
				alerts.add(alertId);
				publish(producer, Topics.PROFILES, alertId, JSON.writeValueAsBytes(profile(alertId)));
			}
			producer.flush();
			awaitReceived(() -> mongo.getCollection("recipients").countDocuments(), messages);

			long before = received.getAsLong();
			long start = System.nanoTime();
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (String alertId : alerts) {
				VacancyMatched match = VacancyMatched.of(alertId, vacancy(), Instant.now());
				sent.add(publish(producer, Topics.ALERTS, alertId,
						JSON.writerFor(AlertMatch.class).writeValueAsBytes(match)));
			}
			for (Future<RecordMetadata> each : sent) {
				each.get();
			}
			awaitReceived(received, before + messages);
			return messages / seconds(start);
		}
	}

	private static void createTopics(String bootstrapServers) throws InterruptedException {
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
			for (String topic : List.of(Topics.PROFILES, Topics.ALERTS, Topics.VACANCIES)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
				}
				catch (ExecutionException ex) {
					// there already
				}
			}
		}
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
				new ByteArraySerializer());
	}

	private static Future<RecordMetadata> publish(KafkaProducer<String, byte[]> producer, String topic, String key,
			byte[] value) {
		return producer.send(new ProducerRecord<>(topic, key, value));
	}

	private static AlertProfileChanged profile(String alertId) {
		String link = "https://alerts.nhsjob.test/alerts/%s?token=" + alertId;
		return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, Instant.now(), alertId, 1,
				alertId + "@example.org", AlertStatus.ACTIVE, Frequency.INSTANT,
				"medical secretary jobs within 10 miles of LS6", 1, link.formatted("confirm"), link.formatted("manage"),
				link.formatted("unsubscribe"), null, true);
	}

	private static MatchedVacancy vacancy() {
		return new MatchedVacancy("bench:" + UUID.randomUUID(), 1, "Medical Secretary",
				"Leeds Teaching Hospitals NHS Trust", Band.BAND_4, Band.BAND_4, 27485, 30162,
				"£27,485 to £30,162 a year", 37.5, List.of(WorkingPattern.FULL_TIME), "Leeds", "LS1 3EX", 2.3,
				LocalDate.now(), LocalDate.now().plusDays(30), "https://jobs.example.nhs.uk/apply/1");
	}

	private static void awaitReceived(LongSupplier count, long target) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (count.getAsLong() < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + count.getAsLong() + " of " + target + " after 10 minutes");
			}
			// not more often: each look copies the in-JVM mailbox on the measured cores
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
