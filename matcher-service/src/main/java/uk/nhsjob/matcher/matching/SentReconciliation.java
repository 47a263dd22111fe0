package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Alerts;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;

/**
 * Brings the sent matches in MongoDB back in line with the alerts topic, the record of
 * what was sent: a crash between a transaction's commit and the write of its pairs leaves
 * pairs published but not recorded, which would otherwise be sent again. Reads the topic
 * {@code read_committed} on start, before any vacancy is matched, and records every pair
 * and welcome set on it that MongoDB lacks, for alerts that still exist.
 */
@Component
class SentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(SentReconciliation.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<?, ?> consumerSettings;

	private final SentLedger sent;

	private final Alerts alerts;

	private final WelcomeSetOutbox welcomeSets;

	private final JacksonJsonDeserializer<AlertMatch> values = new JacksonJsonDeserializer<>(AlertMatch.class, false);

	SentReconciliation(ConsumerFactory<?, ?> consumerSettings, SentLedger sent, Alerts alerts,
			WelcomeSetOutbox welcomeSets) {
		this.consumerSettings = consumerSettings;
		this.sent = sent;
		this.alerts = alerts;
		this.welcomeSets = welcomeSets;
	}

	/**
	 * Reads the whole topic: on start, before any vacancy is matched.
	 * @return how many pairs it recorded
	 */
	int reconcile() {
		return reconcile("the alerts topic", (reading, partitions) -> reading.seekToBeginning(partitions));
	}

	/**
	 * Reads what was published since then: on a rebalance, when another instance may have
	 * died between a commit and its record.
	 * @return how many pairs it recorded
	 */
	int reconcileSince(Instant since) {
		return reconcile("the alerts topic since " + since, (reading, partitions) -> {
			Map<TopicPartition, Long> timestamps = new HashMap<>();
			partitions.forEach((partition) -> timestamps.put(partition, since.toEpochMilli()));
			Map<TopicPartition, Long> ends = reading.endOffsets(partitions);
			reading.offsetsForTimes(timestamps)
				.forEach((partition, found) -> reading.seek(partition,
						(found != null) ? found.offset() : ends.get(partition)));
		});
	}

	private int reconcile(String what, BiConsumer<KafkaConsumer<String, byte[]>, List<TopicPartition>> seek) {
		int recorded = 0;
		try (KafkaConsumer<String, byte[]> reading = GrouplessConsumers.create(this.consumerSettings,
				"matcher-sent-reconciliation")) {
			List<TopicPartition> partitions = GrouplessConsumers.partitionsOf(reading, Topics.ALERTS);
			reading.assign(partitions);
			Map<TopicPartition, Long> ends = reading.endOffsets(partitions);
			seek.accept(reading, partitions);
			while (ends.entrySet().stream().anyMatch((end) -> reading.position(end.getKey()) < end.getValue())) {
				recorded += reconcile(reading.poll(POLL));
			}
		}
		log.info("Sent matches reconciled with {}: {} recorded", what, recorded);
		return recorded;
	}

	private int reconcile(ConsumerRecords<String, byte[]> records) {
		Map<String, SentMatch> published = new LinkedHashMap<>();
		Set<String> welcomed = new HashSet<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			AlertMatch match = readable(record);
			if (match instanceof VacancyMatched matched) {
				add(published, matched.alertId(), matched.vacancy(), SentMatch.Via.MATCH, matched);
			}
			else if (match instanceof WelcomeSetMatched welcome) {
				welcomed.add(welcome.alertId());
				welcome.vacancies()
					.forEach((vacancy) -> add(published, welcome.alertId(), vacancy, SentMatch.Via.WELCOME_SET,
							welcome));
			}
		}
		Set<String> existing = new HashSet<>();
		Set<String> alertIds = new HashSet<>(welcomed);
		published.values().forEach((match) -> alertIds.add(match.alertId()));
		this.alerts.findAllById(alertIds).stream().map(Alert::id).forEach(existing::add);
		Set<String> missing = this.sent.notRecorded(published.keySet());
		List<SentMatch> toRecord = new ArrayList<>();
		published.forEach((id, match) -> {
			if (missing.contains(id) && existing.contains(match.alertId())) {
				toRecord.add(match);
			}
		});
		this.sent.record(toRecord);
		welcomed.stream().filter(existing::contains).forEach(this.welcomeSets::markSent);
		return toRecord.size();
	}

	private static void add(Map<String, SentMatch> published, String alertId, MatchedVacancy vacancy, SentMatch.Via via,
			AlertMatch record) {
		SentMatch match = SentMatch.of(alertId, vacancy.vacancyId(), via, record.occurredAt());
		published.putIfAbsent(match.id(), match);
	}

	private @Nullable AlertMatch readable(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		try {
			return this.values.deserialize(record.topic(), record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Skipped unreadable match record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
			return null;
		}
	}

}
