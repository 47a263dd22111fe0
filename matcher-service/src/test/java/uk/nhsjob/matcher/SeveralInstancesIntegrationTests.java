package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import uk.nhsjob.common.Topics;
import uk.nhsjob.matcher.matching.FailingVacancyView;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhsjob.matcher.Candidates.isVacancyMatched;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;
import static uk.nhsjob.matcher.Vacancies.vacancy;

/**
 * Two matcher instances sharing the broker, the database and the consumer group: the
 * shared test instance (A), which the tests talk to over HTTP, and a
 * {@link SecondMatcher} (B), which takes part of the vacancy partitions. Whatever a
 * candidate does through A holds for the vacancies B matches (docs/matching.md, "Several
 * instances").
 */
@MatcherIntegrationTest
class SeveralInstancesIntegrationTests {

	private static final String GROUP = "matcher-service";

	private static SecondMatcher second;

	private static Admin admin;

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@BeforeAll
	static void startSecondInstance() {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()));
		second = new SecondMatcher();
		await().atMost(Duration.ofSeconds(60)).until(() -> !partitionsOfSecond().isEmpty());
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
		if (admin != null) {
			admin.close();
		}
	}

	@Test
	void anAlertConfirmedThroughOneInstanceMatchesTheVacanciesTheOtherConsumes() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));

		List<String> vacancies = publishOnEveryPartition(word, "new");

		for (String vacancyId : vacancies) {
			this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		}
	}

	@Test
	void twoCopiesOfAJobReadByTwoInstancesReachAnAlertAsOneMatch() throws Exception {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		Set<Integer> ofSecond = partitionsOfSecond();
		int onSecond = ofSecond.iterator().next();
		int onFirst = IntStream.range(0, partitionCount())
			.filter((partition) -> !ofSecond.contains(partition))
			.findFirst()
			.orElseThrow();
		String first = "test-trust:" + word + "-first";
		String copy = "test-listing:" + word + "-copy";

		RecordMetadata firstRead = this.world.feed()
			.publish(vacancy(first).job(first).description(word).build(), onFirst);
		RecordMetadata copyRead = this.world.feed()
			.publish(vacancy(copy).duplicateOf(first).description(word).build(), onSecond);
		this.world.feed().awaitMatcherRead(firstRead);
		this.world.feed().awaitMatcherRead(copyRead);

		this.world.matches()
			.await(alertId, (record) -> isVacancyMatched(record, first) || isVacancyMatched(record, copy));
		this.world.matches().catchUpToEnd();
		// read at once by both, each may send its copy: the notifier's ledger takes one
		// entry per match id
		assertThat(this.world.matches().values(alertId))
			.filteredOn((record) -> isVacancyMatched(record, first) || isVacancyMatched(record, copy))
			.isNotEmpty()
			.allSatisfy((record) -> assertThat(record.path("matchId").asString())
				.isEqualTo(Candidates.expectedMatchId(alertId, first)));
	}

	@Test
	void aPauseThroughOneInstanceStopsTheOther() {
		String word = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
		String manage = this.world.manageToken(alertId);

		this.world.candidates().edit(alertId, manage, keywordCriteria(word), "INSTANT", true);
		this.world.profiles().await(alertId, (profile) -> profile.path("status").asString().equals("PAUSED"));
		List<String> whilePaused = publishOnEveryPartitionAndAwaitRead(word, "paused");

		this.world.matches().catchUpToEnd();
		assertThat(this.world.matches().values(alertId))
			.noneMatch((record) -> whilePaused.stream().anyMatch((id) -> isVacancyMatched(record, id)));
	}

	@Test
	void aCriteriaEditThroughOneInstanceAppliesOnTheOtherToVacanciesAppendedAfterIt() {
		String before = uniqueWord();
		String after = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(before));
		String manage = this.world.manageToken(alertId);
		List<String> earlier = publishOnEveryPartitionAndAwaitRead(after, "earlier");

		this.world.candidates().edit(alertId, manage, keywordCriteria(after), "INSTANT", false);
		this.world.profiles()
			.await(alertId, (profile) -> profile.path("criteria").path("keywords").asString().equals(after));
		List<String> later = publishOnEveryPartition(after, "later");

		for (String vacancyId : later) {
			this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		}
		assertThat(this.world.matches().values(alertId))
			.noneMatch((record) -> earlier.stream().anyMatch((id) -> isVacancyMatched(record, id)));
	}

	@Test
	void aVacancyWaitsForALaggingProfileReaderAndIsThenMatched() throws Exception {
		String word = uniqueWord();
		second.holdProfileReader();
		List<String> vacancies;
		List<RecordMetadata> published;
		String alertId;
		try {
			alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(word));
			published = new ArrayList<>();
			vacancies = publishOnEveryPartition(word, "held", published);
			// the first instance matches its own partitions meanwhile
			Set<Integer> ofSecond = partitionsOfSecond();
			RecordMetadata onFirst = published.stream()
				.filter((record) -> !ofSecond.contains(record.partition()))
				.findFirst()
				.orElseThrow();
			this.world.feed().awaitMatcherRead(onFirst);
			assertThat(published).filteredOn((record) -> ofSecond.contains(record.partition()))
				.isNotEmpty()
				.noneMatch(SeveralInstancesIntegrationTests::committedPast);
		}
		finally {
			second.releaseProfileReader();
		}
		for (String vacancyId : vacancies) {
			this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		}
	}

	@Test
	void aVacancyMatchedAfterACriteriaEditIsJudgedByTheCriteriaInForceWhenItWasAppended() {
		String before = uniqueWord();
		String after = uniqueWord();
		String alertId = this.world.createConfirmedAlert(uniqueEmail(), keywordCriteria(before));
		String manage = this.world.manageToken(alertId);
		List<String> vacancies;
		await().atMost(Duration.ofSeconds(30)).until(second::holdVacancyListener);
		try {
			vacancies = publishOnEveryPartition(before, "appended-before-the-edit");
			this.world.candidates().edit(alertId, manage, keywordCriteria(after), "INSTANT", false);
			// the second instance's index is past the edit before it matches those
			// vacancies
			await().atMost(Duration.ofSeconds(30))
				.until(() -> second.matchesNow(vacancy("test-trust:" + after).description(after).build(), alertId));
		}
		finally {
			second.releaseVacancyListener();
		}
		for (String vacancyId : vacancies) {
			this.world.matches().await(alertId, (record) -> isVacancyMatched(record, vacancyId));
		}
	}

	@Test
	void aVacancyAppendedAroundTheConfirmationIsSentExactlyOnce() {
		String word = uniqueWord();
		String alertId = this.world.candidates().createAlert(uniqueEmail(), keywordCriteria(word));
		JsonNode pending = this.world.profiles().await(alertId, (profile) -> true);
		List<String> vacancies = new ArrayList<>(publishOnEveryPartition(word, "before"));

		this.world.candidates().confirm(Candidates.tokenOf(pending.path("confirmUrl").asString()));
		vacancies.addAll(publishOnEveryPartition(word, "after"));

		JsonNode welcomeSet = this.world.matches()
			.await(alertId, (record) -> record.path("type").asString().equals("WelcomeSetMatched"));
		List<String> sent = new ArrayList<>();
		welcomeSet.path("vacancies").forEach((vacancy) -> sent.add(vacancy.path("vacancyId").asString()));
		assertThat(welcomeSet.path("totalMatching").asInt()).isEqualTo(sent.size());
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			this.world.matches().catchUp();
			List<String> all = new ArrayList<>(sent);
			this.world.matches()
				.values(alertId)
				.stream()
				.filter((record) -> record.path("type").asString().equals("VacancyMatched"))
				.forEach((record) -> all.add(record.path("vacancy").path("vacancyId").asString()));
			assertThat(all).containsExactlyInAnyOrderElementsOf(vacancies);
		});
	}

	@Test
	void theVacancyViewSurvivesAFaultAndItsHealthComesBack() throws Exception {
		String failing = FailingVacancyView.FAILING + uniqueWord();
		this.world.feed().publish(vacancy(failing).build());

		await().atMost(Duration.ofSeconds(30)).until(() -> second.backgroundHealth().equals("DOWN"));
		await().atMost(Duration.ofSeconds(60)).until(() -> second.backgroundHealth().equals("UP"));
		String after = "test-trust:" + uniqueWord() + "-after";
		this.world.feed().publish(vacancy(after).build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> FailingVacancyView.tookIn(failing) && FailingVacancyView.tookIn(after));
	}

	private List<String> publishOnEveryPartition(String word, String suffix) {
		return publishOnEveryPartition(word, suffix, new ArrayList<>());
	}

	private List<String> publishOnEveryPartition(String word, String suffix, List<RecordMetadata> published) {
		List<String> ids = new ArrayList<>();
		for (int partition = 0; partition < partitionCount(); partition++) {
			String vacancyId = "test-trust:" + word + "-" + suffix + "-" + partition;
			published.add(this.world.feed().publish(vacancy(vacancyId).description(word).build(), partition));
			ids.add(vacancyId);
		}
		return ids;
	}

	private List<String> publishOnEveryPartitionAndAwaitRead(String word, String suffix) {
		List<RecordMetadata> published = new ArrayList<>();
		List<String> ids = publishOnEveryPartition(word, suffix, published);
		published.forEach(this.world.feed()::awaitMatcherRead);
		return ids;
	}

	private static int partitionCount() {
		try {
			return admin.describeTopics(List.of(Topics.VACANCIES))
				.allTopicNames()
				.get()
				.get(Topics.VACANCIES)
				.partitions()
				.size();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The vacancy partitions the group gives the second instance. */
	private static Set<Integer> partitionsOfSecond() throws Exception {
		ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
		return group.members()
			.stream()
			.filter((member) -> member.clientId().startsWith(SecondMatcher.CLIENT_ID))
			.map(MemberDescription::assignment)
			.flatMap((assignment) -> assignment.topicPartitions().stream())
			.filter((partition) -> partition.topic().equals(Topics.VACANCIES))
			.map(TopicPartition::partition)
			.collect(Collectors.toSet());
	}

	private static boolean committedPast(RecordMetadata record) {
		try {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(new TopicPartition(record.topic(), record.partition()));
			return committed != null && committed.offset() > record.offset();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
