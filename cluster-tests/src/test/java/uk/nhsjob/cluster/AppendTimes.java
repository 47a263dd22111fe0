package uk.nhsjob.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.testsupport.kafka.TopicReader;
import uk.nhsjob.testsupport.oracle.Pair;
import uk.nhsjob.testsupport.oracle.Posting;
import uk.nhsjob.testsupport.oracle.Revision;

/**
 * The broker's append times of the profile and vacancy records, read from the topics as
 * any consumer reads them ({@code read_committed}, every partition). Of a vacancy, a
 * revision not higher than one already read is left out, as every consumer must ignore it
 * (docs/events.md); which version of an advert a revision carries is found by the marker
 * in its description ({@link Markers}), never by what the ingest made of it.
 */
final class AppendTimes implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TopicReader profiles;

	private final TopicReader vacancies;

	private final TopicReader alerts;

	private final Markers markers;

	private final String bootstrapServers;

	AppendTimes(String bootstrapServers, Markers markers) {
		this.bootstrapServers = bootstrapServers;
		this.profiles = new TopicReader(bootstrapServers, Topics.PROFILES);
		this.vacancies = new TopicReader(bootstrapServers, Topics.VACANCIES);
		this.alerts = new TopicReader(bootstrapServers, Topics.ALERTS);
		this.markers = markers;
	}

	/**
	 * Every profile record so far, by alert, in the order appended; the earliest of each
	 * revision.
	 */
	Map<String, List<AlertBook.ProfileRecord>> profileRecords() {
		Map<String, List<AlertBook.ProfileRecord>> byAlert = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : this.profiles.catchUpToEnd().records()) {
			List<AlertBook.ProfileRecord> ofAlert = byAlert.computeIfAbsent(record.key(), (key) -> new ArrayList<>());
			Instant appended = Instant.ofEpochMilli(record.timestamp());
			if (record.value() == null) {
				ofAlert.add(new AlertBook.ProfileRecord(Long.MAX_VALUE, null, appended));
				continue;
			}
			JsonNode profile = JSON.readTree(record.value());
			long revision = profile.path("revision").asLong();
			if (ofAlert.stream().noneMatch((seen) -> seen.revision() == revision)) {
				ofAlert.add(new AlertBook.ProfileRecord(revision,
						AlertStatus.valueOf(profile.path("status").asString()), appended));
			}
		}
		return byAlert;
	}

	/** Every vacancy revision so far that a consumer would take. */
	List<Revision> revisions(Collection<String> problems) {
		List<Revision> revisions = new ArrayList<>();
		Map<String, Long> highest = new HashMap<>();
		Map<String, Posting> lastPosting = new HashMap<>();
		for (ConsumerRecord<String, String> record : this.vacancies.catchUpToEnd().records()) {
			if (record.value() == null) {
				continue;
			}
			JsonNode vacancy = JSON.readTree(record.value()).path("vacancy");
			long revision = vacancy.path("revision").asLong();
			if (revision <= highest.getOrDefault(record.key(), Long.MIN_VALUE)) {
				continue;
			}
			highest.put(record.key(), revision);
			Optional<Posting> posting = this.markers.in(vacancy.path("description").asString(""))
				.or(() -> Optional.ofNullable(lastPosting.get(record.key())));
			if (posting.isEmpty()) {
				problems.add("revision " + revision + " of " + record.key() + " carries no version the workload wrote");
				continue;
			}
			lastPosting.put(record.key(), posting.get());
			revisions.add(new Revision(posting.get(), "OPEN".equals(vacancy.path("status").asString()),
					Instant.ofEpochMilli(record.timestamp())));
		}
		return revisions;
	}

	/**
	 * The (alert, vacancy) pairs of the match records on the alerts topic, to tell where
	 * a lost one stopped.
	 */
	Set<Pair> matchesOnTheAlertsTopic() {
		Set<Pair> pairs = new HashSet<>();
		for (ConsumerRecord<String, String> record : this.alerts.catchUpToEnd().records()) {
			JsonNode match = (record.value() != null) ? JSON.readTree(record.value()) : null;
			if (match != null && match.has("matchId")) {
				pairs.add(new Pair(record.key(), match.path("vacancy").path("vacancyId").asString()));
			}
		}
		return pairs;
	}

	/** The alerts with a welcome set on the alerts topic. */
	Set<String> welcomeSetsOnTheAlertsTopic() {
		Set<String> alerts = new HashSet<>();
		for (ConsumerRecord<String, String> record : this.alerts.catchUpToEnd().records()) {
			if (record.value() != null && JSON.readTree(record.value()).has("totalMatching")) {
				alerts.add(record.key());
			}
		}
		return alerts;
	}

	/** How many records each dead-letter topic holds, where any does. */
	Map<String, Long> deadLetters() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<String> deadLetterTopics = topics.stream().filter((topic) -> topic.endsWith(".dlt")).toList();
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			admin.describeTopics(deadLetterTopics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.forEach((topic, description) -> description.partitions()
					.forEach((partition) -> ends.put(new TopicPartition(topic, partition.partition()),
							OffsetSpec.latest())));
			admin.listOffsets(ends)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, end) -> counts.merge(partition.topic(), end.offset(), Long::sum));
			counts.values().removeIf((count) -> count == 0);
		}
		catch (Exception ex) {
			counts.put("(unreadable: " + ex + ")", -1L);
		}
		return counts;
	}

	/**
	 * How far behind the end of each topic every consumer group is, where it is behind at
	 * all.
	 */
	Map<String, Long> lags() {
		Map<String, Long> lags = new java.util.TreeMap<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			lags(admin).forEach((group, byTopic) -> byTopic.forEach((topic, behind) -> {
				if (behind > 0) {
					lags.put(group + " on " + topic, behind);
				}
			}));
		}
		catch (Exception ex) {
			lags.put("(unreadable: " + ex + ")", -1L);
		}
		return lags;
	}

	/**
	 * Each consumer group's lag on each topic it has committed offsets on: the end
	 * offsets less the committed ones, summed over the partitions (a transaction marker
	 * counts one).
	 */
	static Map<String, Map<String, Long>> lags(Admin admin) throws Exception {
		Map<String, Map<String, Long>> lags = new java.util.TreeMap<>();
		for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
			Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
				.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			committed.keySet().forEach((partition) -> ends.put(partition, OffsetSpec.latest()));
			var endOffsets = admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
			Map<String, Long> ofGroup = lags.computeIfAbsent(group.groupId(), (key) -> new java.util.TreeMap<>());
			committed.forEach((partition, offset) -> {
				long behind = endOffsets.get(partition).offset() - ((offset != null) ? offset.offset() : 0);
				ofGroup.merge(partition.topic(), Math.max(0, behind), Long::sum);
			});
		}
		return lags;
	}

	@Override
	public void close() {
		this.profiles.close();
		this.vacancies.close();
		this.alerts.close();
	}

}
