package uk.nhsjob.matcher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.StoredAlerts;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * The matcher in child JVMs, killed mid-stream: each (alert, vacancy) pair reaches the
 * alerts topic, read {@code read_committed}, exactly once. Alert {@code i} asks for the
 * run's word and {@code m<k>}, {@code k = 1 + i % 4}; vacancy {@code v} mentions
 * {@code m<k>} for every {@code k} that divides {@code v}: the expected pairs are known.
 */
@SlowTest
@RealInfrastructure
class MatcherKilledMidStreamTests {

	private static final int ALERTS = 40;

	private static final int VACANCIES_PER_BATCH = 150;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String run = "matcher-kill-" + UUID.randomUUID().toString().substring(0, 8);

	private final String word = Candidates.uniqueWord();

	private final List<MatcherProcess> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(MatcherProcess::close);
		ServiceClock.LONDON.reset();
	}

	@Test
	void aMatcherKilledMidStreamAndRestartedLosesAndDoublesNoMatch() throws Exception {
		// a day on: a child on a clock of its own would date its matches a day earlier
		ServiceClock.LONDON.advance(Duration.ofDays(1));
		MatcherTopics.create();
		List<String> alertIds = storeAlerts();
		try (VacancyFeed feed = new VacancyFeed();
				MatchRecords committed = new MatchRecords(alertIds, IsolationLevel.READ_COMMITTED);
				MatchRecords everything = new MatchRecords(alertIds, IsolationLevel.READ_UNCOMMITTED)) {
			publish(feed, 0, VACANCIES_PER_BATCH, 1);
			int expectedInAll = expected(alertIds, 2 * VACANCIES_PER_BATCH).size();

			// 1. one member halts itself in the middle of a transaction
			int haltInVacancy = VACANCIES_PER_BATCH / 2;
			MatcherProcess first = started("a", haltInVacancy);
			assertThat(first.awaitExit(Duration.ofMinutes(3))).as("%s halted", first).isEqualTo(137);
			int committedAtHalt = committed.catchUp().size();
			int sentAtHalt = everything.catchUp().size();
			assertThat(committedAtHalt).isPositive().isLessThan(expected(alertIds, VACANCIES_PER_BATCH).size());
			assertThat(sentAtHalt).as("written in the transaction it halted in, never committed")
				.isGreaterThan(committedAtHalt);

			// 2. it comes back as a second member joins, which is killed mid-stream
			publish(feed, VACANCIES_PER_BATCH, 2 * VACANCIES_PER_BATCH, 1);
			started("a", 0);
			MatcherProcess second = started("b", 0);
			int killAt = committedAtHalt + (expectedInAll - committedAtHalt) / 3;
			await().atMost(Duration.ofMinutes(3)).until(() -> committed.catchUp().size() >= killAt);
			second.kill();
			int committedAtKill = committed.catchUp().size();

			// 3. the survivor takes over and finishes
			awaitGroupRead(Duration.ofMinutes(3));
			await().atMost(Duration.ofMinutes(1))
				.untilAsserted(() -> assertThat(committed.catchUp().size()).isEqualTo(expectedInAll));
			int sentInAll = everything.catchUp().size();
			assertThat(committed.pairs()).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(expected(alertIds, 2 * VACANCIES_PER_BATCH));
			assertThat(committed.matchIdsAreDeterministic()).isTrue();
			assertThat(committed.days()).as("the children run on the test's clock")
				.containsExactly(ServiceClock.today());

			// 4. a new revision of every vacancy sends nothing again
			publish(feed, 0, 2 * VACANCIES_PER_BATCH, 2);
			awaitGroupRead(Duration.ofMinutes(2));
			assertThat(committed.catchUp().size()).isEqualTo(expectedInAll);

			System.out.printf(
					"Kill test: %d alerts x %d vacancies -> %d expected pairs; member a halted in its %dth vacancy with %d committed"
							+ " (%d on the topic read_uncommitted); member b killed at %d committed; in the end %d committed, %d duplicates,"
							+ " %d records sent in all (%d aborted); revisions sent again: 0%n",
					ALERTS, 2 * VACANCIES_PER_BATCH, expectedInAll, haltInVacancy, committedAtHalt, sentAtHalt,
					committedAtKill, committed.size(), committed.size() - new HashSet<>(committed.pairs()).size(),
					sentInAll, sentInAll - committed.size());
		}
	}

	private MatcherProcess started(String instance, int haltInVacancy) {
		MatcherProcess process = MatcherProcess.start(this.run, instance, haltInVacancy);
		this.processes.add(process);
		return process;
	}

	private List<String> storeAlerts() {
		List<String> ids = new ArrayList<>();
		List<AlertProfileChanged> profiles = new ArrayList<>();
		try (MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri())) {
			MongoTemplate mongo = new MongoTemplate(client, "nhsjob-" + this.run);
			for (int i = 0; i < ALERTS; i++) {
				Criteria criteria = new Criteria(List.of(), null, null, null, null, null, List.of(), List.of(),
						List.of(), List.of(), null, this.word + " m" + (1 + i % 4));
				Alert alert = mongo
					.insert(StoredAlerts.active(Candidates.uniqueEmail(), criteria, ServiceClock.LONDON.instant()));
				ids.add(alert.id());
				profiles.add(StoredAlerts.profileOf(alert));
			}
			StoredAlerts.republicationDone(mongo);
		}
		// the matcher's index is built from the profile stream: published before the
		// vacancies
		try (KafkaProducer<String, AlertProfileChanged> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<AlertProfileChanged>().noTypeInfo())) {
			for (AlertProfileChanged profile : profiles) {
				producer.send(new ProducerRecord<>(Topics.PROFILES, profile.alertId(), profile));
			}
			producer.flush();
		}
		return ids;
	}

	private void publish(VacancyFeed feed, int from, int to, long revision) {
		for (int v = from; v < to; v++) {
			feed.publish(vacancy(vacancyId(v)).revision(revision).description(descriptionOf(v)).build());
		}
	}

	private String vacancyId(int v) {
		return "test-trust:" + this.word + "-" + v;
	}

	private String descriptionOf(int v) {
		StringBuilder description = new StringBuilder(this.word);
		for (int k = 1; k <= 4; k++) {
			if (v % k == 0) {
				description.append(" m").append(k);
			}
		}
		return description.toString();
	}

	private List<String> expected(List<String> alertIds, int vacancies) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < alertIds.size(); i++) {
			for (int v = 0; v < vacancies; v++) {
				if (v % (1 + i % 4) == 0) {
					pairs.add(alertIds.get(i) + " " + vacancyId(v));
				}
			}
		}
		return pairs;
	}

	/** Until the group's committed positions reach the ends of the vacancy stream. */
	private void awaitGroupRead(Duration timeout) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Topics.VACANCIES))
				.allTopicNames()
				.get()
				.get(Topics.VACANCIES)
				.partitions()
				.forEach((info) -> latest.put(new TopicPartition(Topics.VACANCIES, info.partition()),
						OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
			await().atMost(timeout).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> read = admin.listConsumerGroupOffsets(this.run)
					.partitionsToOffsetAndMetadata()
					.get();
				return ends.entrySet()
					.stream()
					.allMatch((end) -> end.getValue().offset() == 0 || (read.get(end.getKey()) != null
							&& read.get(end.getKey()).offset() >= end.getValue().offset()));
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The match records of the run's alerts, as seen at one isolation level: other tests
	 * write to the same topic.
	 */
	private static final class MatchRecords implements AutoCloseable {

		private final Set<String> alertIds;

		private final TopicReader reader;

		MatchRecords(List<String> alertIds, IsolationLevel isolationLevel) {
			this.alertIds = Set.copyOf(alertIds);
			this.reader = new TopicReader(Topics.ALERTS, isolationLevel);
		}

		/** Reads as far as the topic reaches now, at this isolation level. */
		MatchRecords catchUp() {
			this.reader.catchUpToEnd();
			return this;
		}

		int size() {
			return (int) ours().count();
		}

		List<String> pairs() {
			return matches().stream()
				.map((match) -> match.path("alertId").asString() + " "
						+ match.path("vacancy").path("vacancyId").asString())
				.toList();
		}

		boolean matchIdsAreDeterministic() {
			return matches().stream()
				.allMatch((match) -> match.path("type").asString().equals("VacancyMatched") && match.path("matchId")
					.asString()
					.equals(Candidates.expectedMatchId(match.path("alertId").asString(),
							match.path("vacancy").path("vacancyId").asString())));
		}

		/** The days, in London, the matches say they were made. */
		Set<LocalDate> days() {
			return matches().stream()
				.map((match) -> LocalDate.ofInstant(Instant.parse(match.path("occurredAt").asString()),
						ServiceClock.ZONE))
				.collect(Collectors.toSet());
		}

		private List<JsonNode> matches() {
			return ours().map((record) -> JSON.readTree(record.value())).toList();
		}

		private Stream<ConsumerRecord<String, String>> ours() {
			return this.reader.records()
				.stream()
				.filter((record) -> this.alertIds.contains(record.key()) && record.value() != null);
		}

		@Override
		public void close() {
			this.reader.close();
		}

	}

}
