package uk.nhsjob.notifier.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.notifier.EventPublisher;
import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.delivery.ScriptedFaults.Step;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SlowTest;
import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier's JVM killed at each step of a delivery, then started again without the
 * hook: nothing is lost, and only the email accepted by the server before the ledger said
 * so (RFC 1047's window) comes twice, under the same Message-ID. The notifier runs in a
 * child JVM on this test's Kafka, MongoDB and SMTP server, and halts itself at the step
 * ({@link KillableNotifier}: {@code Runtime.halt}, which is what {@code kill -9} leaves:
 * nothing after that point happens). Each child after the first recovers the step before
 * and is killed at the next, so five starts cover the four steps.
 * <p>
 * A {@link SlowTest}, so failsafe runs it after the fast suite, in a JVM of its own: the
 * in-JVM notifier of the other tests would otherwise read the same topics. It is the
 * notifier's only slow test; another one sharing that JVM must not start a notifier.
 */
@SlowTest
@RealInfrastructure
class KillTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** The notifier's consumer group of each topic it reads. */
	private static final Map<String, String> GROUPS = Map.of(Topics.ALERTS, "notifier-service.alerts", Topics.PROFILES,
			"notifier-service.profiles", Topics.VACANCIES, "notifier-service.vacancies");

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String database = "nhsjob-notifier-kill-" + this.run;

	private final List<ChildProcess> children = new ArrayList<>();

	@TempDir
	Path folder;

	@AfterEach
	void stopChildren() {
		this.children.forEach((child) -> child.stop(Duration.ofSeconds(10)));
	}

	@Test
	void killedAtEachStepTheNotifierLosesNothingAndDoublesOnlyTheAcceptedEmail(TestInfrastructure infrastructure,
			Mailbox mailbox) throws Exception {
		startGroupsAtTheEnd(infrastructure.kafkaBootstrapServers());
		// noon on Tuesday 4 July 2028 in London, so no digest falls due until the clock
		// is moved past Wednesday's 07:00; each child's clock runs ahead of the real time
		// by the offset that puts it there
		MovableClock clock = MovableClock.startingAt(LocalDateTime.parse("2028-07-04T12:00"),
				NotifierApplication.LONDON);
		TestEvents.useClock(clock);
		Duration beforeDigest = Duration.between(Instant.now(), clock.instant());
		Duration afterDigest = beforeDigest.plusHours(21);
		Alert recorded = alert("recorded", 0);
		Alert beforeData = alert("before-data", 0);
		Alert accepted = alert("accepted", 0);
		List<Alert> digest = IntStream.range(0, 3).mapToObj((n) -> alert("digest", n)).toList();

		EventPublisher publisher = new EventPublisher(infrastructure.kafkaBootstrapServers());
		try (MongoClient mongoClient = MongoClients.create(infrastructure.mongoUri())) {
			MongoDatabase mongo = mongoClient.getDatabase(this.database);
			ChildProcess child = start(infrastructure, 1, beforeDigest, Step.AFTER_RECORDED, recorded, 1);
			for (Alert alert : List.of(recorded, beforeData, accepted)) {
				publisher.publish(Topics.PROFILES, alert.alertId(),
						alert.profile(1, AlertStatus.ACTIVE, Frequency.INSTANT));
			}
			for (Alert alert : digest) {
				publisher.publish(Topics.PROFILES, alert.alertId(),
						alert.profile(1, AlertStatus.ACTIVE, Frequency.DAILY));
			}
			await().atMost(WAIT).until(() -> mongo.getCollection("recipients").countDocuments() == 6);
			for (Alert alert : digest) {
				publisher.publish(Topics.ALERTS, alert.alertId(),
						alert.matched(TestEvents.vacancy("Digest Secretary")));
			}
			await().atMost(WAIT)
				.until(() -> mongo.getCollection("deliveries")
					.countDocuments(Filters.and(Filters.regex("alertId", "^" + prefix("digest")),
							Filters.eq("state", DeliveryState.PENDING.name()))) == 3);

			// 1: after the ledger write, before the Kafka offset commit
			publisher.publish(Topics.ALERTS, recorded.alertId(), matchOf(recorded, "Recorded Secretary"));
			assertKilled(child);

			// 2: the email built and claimed, before SMTP DATA
			child = start(infrastructure, 2, beforeDigest, Step.BEFORE_DATA, beforeData, 1);
			mailbox.awaitMessageTo(recorded.address());
			publisher.publish(Topics.ALERTS, beforeData.alertId(), matchOf(beforeData, "Before Data Secretary"));
			assertKilled(child);

			// 3: after the server's 250, before the ledger says SENT
			child = start(infrastructure, 3, beforeDigest, Step.AFTER_ACCEPTED, accepted, 1);
			mailbox.awaitMessageTo(beforeData.address());
			publisher.publish(Topics.ALERTS, accepted.alertId(), matchOf(accepted, "Accepted Secretary"));
			assertKilled(child);

			// 4: in the middle of the 07:00 digest, once the 2nd of 3 is accepted
			child = start(infrastructure, 4, afterDigest, Step.AFTER_ACCEPTED, digest.get(0), 2);
			assertKilled(child);

			// all recovered without the hook
			start(infrastructure, 5, afterDigest, null, null, 0);
			List<Alert> all = new ArrayList<>(List.of(recorded, beforeData, accepted));
			all.addAll(digest);
			await().atMost(WAIT)
				.until(() -> mongo.getCollection("deliveries")
					.countDocuments(Filters.and(Filters.regex("alertId", "^" + prefix("")),
							Filters.ne("state", DeliveryState.SENT.name()))) == 0);
			for (Alert alert : all) {
				mailbox.awaitMessageTo(alert.address());
			}

			Map<String, Count> counts = new LinkedHashMap<>();
			counts.put("after the ledger write, before the offset commit", count(mailbox, List.of(recorded)));
			counts.put("before SMTP DATA", count(mailbox, List.of(beforeData)));
			counts.put("after the server's 250, before the ledger write", count(mailbox, List.of(accepted)));
			counts.put("in the middle of a digest (3 emails)", count(mailbox, digest));
			print(counts);

			assertThat(counts.values()).extracting(Count::lost).containsOnly(0);
			assertThat(counts.values()).extracting(Count::doubledUnderAnotherMessageId).containsOnly(0);
			assertThat(counts.values()).extracting(Count::duplicates).containsExactly(0, 0, 1, 1);
		}
		finally {
			publisher.destroy();
		}
	}

	private String prefix(String step) {
		return "kill-" + this.run + "-" + step;
	}

	private Alert alert(String step, int n) {
		String id = prefix(step) + "-" + n;
		return new Alert(id, id + "@example.org");
	}

	private static VacancyMatched matchOf(Alert alert, String title) {
		return alert.matched(TestEvents.vacancy(title));
	}

	/**
	 * The notifier's consumer groups start where the topics end now, not at what earlier
	 * tests left there.
	 */
	private static void startGroupsAtTheEnd(String bootstrapServers) throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			for (String topic : GROUPS.keySet()) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
			Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
			// a topic just created takes a moment to be served
			await().atMost(WAIT)
				.ignoreExceptions()
				.until(() -> endsOf(admin), Objects::nonNull)
				.forEach((partition, end) -> byGroup
					.computeIfAbsent(GROUPS.get(partition.topic()), (group) -> new HashMap<>())
					.put(partition, new OffsetAndMetadata(end.offset())));
			for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : byGroup.entrySet()) {
				try {
					admin.alterConsumerGroupOffsets(group.getKey(), group.getValue()).all().get();
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("Another notifier reads group " + group.getKey()
							+ ": KillTests need a JVM without the in-JVM notifier (they are a @SlowTest)", ex);
				}
			}
		}
	}

	private static Map<TopicPartition, ListOffsetsResultInfo> endsOf(Admin admin)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
		admin.describeTopics(GROUPS.keySet())
			.allTopicNames()
			.get()
			.forEach((name, description) -> description.partitions()
				.forEach(
						(partition) -> ends.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
		return admin.listOffsets(ends).all().get();
	}

	private ChildProcess start(TestInfrastructure infrastructure, int number, Duration clockAhead, Step haltAt,
			Alert haltFor, int haltOn) {
		List<String> arguments = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xss512k"));
		Map<String, String> properties = new LinkedHashMap<>(infrastructure.springProperties());
		properties.remove("MONGODB_URI");
		properties.put("spring.mongodb.database", this.database);
		properties.put("server.port", "0");
		properties.put("nhsjob.notifier.coalescing-window", "0s");
		properties.put("nhsjob.notifier.delivery.poll-interval", "200ms");
		properties.put("nhsjob.notifier.delivery.sending-timeout", "2s");
		// one connection, so that each step's window is exactly one email wide
		properties.put("nhsjob.notifier.delivery.connections", "1");
		properties.put("nhsjob.notifier.address-key", NotifierIntegrationTest.ADDRESS_KEY);
		properties.put("nhsjob.notifier.admin-token", NotifierIntegrationTest.ADMIN_TOKEN);
		// a restarted child takes its killed predecessor's place in the groups
		// without a rebalance
		properties.put("spring.kafka.consumer.properties.group.instance.id", "kill-" + this.run);
		properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
		properties.put(KillableNotifier.CLOCK_OFFSET, clockAhead.toString());
		if (haltAt != null && haltFor != null) {
			properties.put(KillableNotifier.HALT_AT, haltAt.name());
			// the alert id and the separator: "-1" must not match "-10"
			properties.put(KillableNotifier.HALT_FOR, (haltOn > 1)
					? haltFor.alertId().substring(0, haltFor.alertId().lastIndexOf('-')) : haltFor.alertId() + "/");
			properties.put(KillableNotifier.HALT_ON, String.valueOf(haltOn));
		}
		properties.forEach((name, value) -> arguments.add("-D" + name + "=" + value));
		arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), KillableNotifier.class.getName()));
		ChildProcess child = ChildProcess.startJava("notifier-" + number, this.folder, arguments, Map.of(), this.folder,
				this.folder.resolve("notifier-" + number + ".log"));
		this.children.add(child);
		return child;
	}

	private static void assertKilled(ChildProcess child) {
		int exit = child.awaitExit(WAIT);
		assertThat(exit).as("exit of %s; its log ends:%n%s", child, child.logTail(40)).isEqualTo(137);
		assertThat(child.logTail(20)).contains("HALTING at");
	}

	private static Count count(Mailbox mailbox, List<Alert> alerts) throws MessagingException {
		int sent = 0;
		int duplicates = 0;
		int lost = 0;
		int otherIds = 0;
		for (Alert alert : alerts) {
			List<MimeMessage> received = mailbox.messagesTo(alert.address());
			List<String> ids = new ArrayList<>();
			for (MimeMessage message : received) {
				ids.add(message.getMessageID());
			}
			long distinct = ids.stream().distinct().count();
			sent += received.size();
			duplicates += received.size() - (int) distinct;
			otherIds += (distinct > 1) ? (int) distinct - 1 : 0;
			lost += received.isEmpty() ? 1 : 0;
		}
		return new Count(alerts.size(), sent, duplicates, lost, otherIds);
	}

	private static void print(Map<String, Count> counts) {
		StringBuilder table = new StringBuilder(
				"%n| killed | emails due | received | duplicates (same Message-ID) | other doubles | lost |%n|---|---|---|---|---|---|%n"
					.formatted());
		counts.forEach((step, count) -> table.append("| %s | %d | %d | %d | %d | %d |%n".formatted(step, count.due(),
				count.received(), count.duplicates(), count.doubledUnderAnotherMessageId(), count.lost())));
		System.out.println(table);
	}

	/**
	 * What the SMTP server received for a step's alerts (one email each was due).
	 *
	 * @param doubledUnderAnotherMessageId emails beyond the first under a different
	 * Message-ID: a double no receiver could recognise
	 */
	record Count(int due, int received, int duplicates, int lost, int doubledUnderAnotherMessageId) {
	}

}
