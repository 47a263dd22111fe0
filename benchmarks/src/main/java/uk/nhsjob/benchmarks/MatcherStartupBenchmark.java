package uk.nhsjob.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherApplication;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.matcher.index.RandomWorkload;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The matcher's start-up at scale, on a fresh broker and MongoDB-wire server in a child
 * JVM ({@link BenchmarkInfrastructure}):
 * <ol>
 * <li><b>The match index from the profile topic</b>: {@code alerts} version-2 profile
 * records (criteria included) of the realistic workload on {@code nhsjob.profiles.v1};
 * then timed, a plain groupless {@code read_committed} consumer reads the topic from its
 * beginning and puts each active alert's criteria in a {@link MatchIndex}.</li>
 * <li><b>The sent pairs from a checkpoint</b>: {@code matches} match records on
 * {@code nhsjob.alerts.v1}, and the sent checkpoint ({@code sentCheckpoints}) placed
 * {@code afterCheckpoint} records before the end; then timed, the matcher service started
 * until its {@code sent-reconciliation} reader has caught up: first with no checkpoint,
 * which reads the whole topic as every start did before, then from the checkpoint.</li>
 * </ol>
 * Arguments, all optional: {@code alerts (1000000) matches (1000000) afterCheckpoint
 * (10000) seed}. Run from the class path (see benchmarks/README.md).
 */
public final class MatcherStartupBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KafkaSettings TOPICS = new KafkaSettings(6, (short) 1, 1, Duration.ofDays(7),
			new KafkaSettings.Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)));

	private MatcherStartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int alerts = intArg(args, 0, 1_000_000);
		int matches = intArg(args, 1, 1_000_000);
		int afterCheckpoint = intArg(args, 2, 10_000);
		long seed = (args.length > 3) ? Long.parseLong(args[3]) : 20261204L;
		try (BenchmarkInfrastructure infrastructure = BenchmarkInfrastructure.inChildJvm("3g")) {
			Map<String, String> properties = infrastructure.springProperties();
			String bootstrap = properties.get("spring.kafka.bootstrap-servers");
			createTopics(bootstrap);
			List<String> lines = new ArrayList<>();
			lines.add(indexFromProfileTopic(bootstrap, alerts, seed));
			lines.addAll(sentPairsFromCheckpoint(properties, bootstrap, matches, afterCheckpoint, seed));
			System.out.printf(
					"%nLoad average %s%n%n| what | records | s | records/s | notes |%n|---|--:|--:|--:|---|%n",
					loadAverage());
			lines.forEach(System.out::println);
		}
		System.exit(0);
	}

	/** Puts the profiles on the topic, then times reading them into a match index. */
	private static String indexFromProfileTopic(String bootstrap, int alerts, long seed) throws Exception {
		RandomWorkload workload = RandomWorkload.realistic(seed);
		Instant now = Instant.now();
		long producing = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
			for (int i = 0; i < alerts; i++) {
				String alertId = workload.alertId();
				AlertProfileChanged profile = new AlertProfileChanged(UUID.randomUUID(),
						AlertProfileChanged.SCHEMA_VERSION, now, alertId, 1, "candidate" + i + "@example.test",
						AlertStatus.ACTIVE, Frequency.INSTANT, "alert " + i, 1, "https://alerts.example/confirm/" + i,
						"https://alerts.example/manage/" + i, "https://alerts.example/unsubscribe/" + i,
						profileCriteria(workload.criteria()), Boolean.TRUE);
				producer.send(new ProducerRecord<>(Topics.PROFILES, alertId, JSON.writeValueAsBytes(profile)));
			}
			producer.flush();
		}
		System.out.printf("%,d profile records published in %.1f s%n", alerts, (System.nanoTime() - producing) / 1e9);

		PostcodeDirectory postcodes = PostcodeDirectory.load();
		long start = System.nanoTime();
		long putNanos = 0;
		long bytes = 0;
		int read = 0;
		MatchIndex index = new MatchIndex(postcodes);
		try (KafkaConsumer<String, byte[]> consumer = groupless(bootstrap)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROFILES)
				.stream()
				.map((info) -> new TopicPartition(Topics.PROFILES, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (ends.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					read++;
					if (record.value() == null) {
						index.remove(record.key());
						continue;
					}
					bytes += record.value().length;
					AlertProfileChanged profile = JSON.readValue(record.value(), AlertProfileChanged.class);
					long put = System.nanoTime();
					if (profile.status() == AlertStatus.ACTIVE && profile.criteria() != null) {
						index.put(profile.alertId(), criteria(profile.criteria()));
					}
					else {
						index.remove(profile.alertId());
					}
					putNanos += System.nanoTime() - put;
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (index.size() != alerts) {
			throw new IllegalStateException("the index holds " + index.size() + " alerts, not " + alerts);
		}
		return String.format(
				"| match index from `nhsjob.profiles.v1` (read, parse, put) | %,d | %.1f | %,.0f | %,d alerts in the index; "
						+ "%.1f s of it in `MatchIndex.put`; %,d MB of records |",
				read, seconds, read / seconds, index.size(), putNanos / 1e9, bytes >> 20);
	}

	/**
	 * Match records on the alerts topic; then the matcher started without a checkpoint,
	 * and again with the checkpoint {@code afterCheckpoint} records before the end.
	 */
	private static List<String> sentPairsFromCheckpoint(Map<String, String> properties, String bootstrap, int matches,
			int afterCheckpoint, long seed) throws Exception {
		RandomWorkload workload = RandomWorkload.realistic(seed + 1);
		List<Vacancy> vacancies = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			vacancies.add(workload.vacancy(i));
		}
		Instant now = Instant.now();
		long producing = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
			for (int i = 0; i < matches; i++) {
				String alertId = UUID.randomUUID().toString();
				VacancyMatched match = VacancyMatched.of(alertId, matchedVacancy(vacancies.get(i % vacancies.size())),
						now);
				producer.send(new ProducerRecord<>(Topics.ALERTS, alertId, JSON.writeValueAsBytes(match)));
			}
			producer.flush();
		}
		System.out.printf("%,d match records published in %.1f s%n", matches, (System.nanoTime() - producing) / 1e9);

		Map<TopicPartition, Long> ends;
		try (KafkaConsumer<String, byte[]> consumer = groupless(bootstrap)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS)
				.stream()
				.map((info) -> new TopicPartition(Topics.ALERTS, info.partition()))
				.toList();
			ends = consumer.endOffsets(partitions);
		}
		List<String> lines = new ArrayList<>();
		try (MongoClient mongo = MongoClients.create(properties.get("spring.mongodb.uri"))) {
			MongoCollection<Document> checkpoints = mongo.getDatabase("nhsjob-matcher")
				.getCollection("sentCheckpoints");
			// first without a checkpoint, so that the run from the checkpoint is not the
			// JVM's first start
			checkpoints.drop();
			lines
				.add(startMatcher(properties, "sent pairs without a checkpoint: the whole topic, as every start before",
						ends.values().stream().mapToLong(Long::longValue).sum()));
			checkpoints.drop();
			long following = 0;
			for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
				long offset = Math.max(0, end.getValue() - afterCheckpoint / ends.size());
				following += end.getValue() - offset;
				checkpoints.insertOne(new Document("_id", Topics.ALERTS + "-" + end.getKey().partition())
					.append("topic", Topics.ALERTS)
					.append("partition", end.getKey().partition())
					.append("offset", offset));
			}
			lines.add(startMatcher(properties, "sent pairs from the checkpoint (matcher started until caught up)",
					following));
		}
		return lines;
	}

	/** Starts the matcher and times it until its sent reconciliation has caught up. */
	private static String startMatcher(Map<String, String> infrastructure, String what, long records)
			throws InterruptedException {
		Map<String, Object> properties = new HashMap<>(infrastructure);
		properties.put("server.port", "0");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.uk.nhsjob.matcher.matching", "INFO");
		properties.put("nhsjob.matcher.token-secret", "a-benchmark-secret-of-32-characters-or-more");
		properties.put("spring.kafka.consumer.group-id", "matcher-startup-benchmark-" + UUID.randomUUID());
		properties.put("spring.kafka.producer.transaction-id-prefix", "matcher-startup-benchmark-" + UUID.randomUUID());
		long start = System.nanoTime();
		// as arguments: they win over the service's own settings files
		String[] arguments = properties.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext matcher = MatcherApplication.application().run(arguments)) {
			double started = (System.nanoTime() - start) / 1e9;
			BackgroundReader reader = matcher.getBean(BackgroundReaders.class)
				.all()
				.stream()
				.filter((candidate) -> candidate.name().equals("sent-reconciliation"))
				.findFirst()
				.orElseThrow();
			while (!reader.isHealthy()) {
				Thread.sleep(10);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return String.format(
					"| %s | %,d | %.1f | %,.0f | the service answered after %.1f s, caught up %.1f s later |", what,
					records, seconds, records / (seconds - started), started, seconds - started);
		}
	}

	private static void createTopics(String bootstrap) throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(TopicDeclarations.profiles(TOPICS), TopicDeclarations.alerts(TOPICS)))
				.all()
				.get();
		}
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrap) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static KafkaConsumer<String, byte[]> groupless(String bootstrap) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
						ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static ProfileCriteria profileCriteria(Criteria criteria) {
		return new ProfileCriteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
				criteria.radiusMiles(), Boolean.TRUE.equals(criteria.includeRemote()), criteria.workingPatterns(),
				criteria.contractTypes(), criteria.specialties(), criteria.employerTypes(), criteria.minSalary(),
				criteria.keywords());
	}

	/** As the profile reader will turn a record's criteria into the index's. */
	private static Criteria criteria(ProfileCriteria criteria) {
		return new Criteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
				criteria.radiusMiles(), criteria.includeRemote(), criteria.workingPatterns(), criteria.contractTypes(),
				criteria.specialties(), criteria.employerTypes(), criteria.minSalary(), criteria.keywords());
	}

	private static MatchedVacancy matchedVacancy(Vacancy vacancy) {
		return new MatchedVacancy(vacancy.id(), vacancy.revision(), vacancy.title(), vacancy.employerName(),
				vacancy.bandMin(), vacancy.bandMax(), vacancy.salaryMinAnnual(), vacancy.salaryMaxAnnual(),
				vacancy.salaryText(), vacancy.hoursPerWeek(), vacancy.workingPatterns(), vacancy.town(),
				vacancy.postcode(), 3.2, vacancy.postedAt(), vacancy.closingDate(), vacancy.applyUrl());
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static int intArg(String[] args, int at, int otherwise) {
		return (args.length > at) ? Integer.parseInt(args[at]) : otherwise;
	}

}
