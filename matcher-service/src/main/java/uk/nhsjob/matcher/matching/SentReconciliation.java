package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Alerts;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * Keeps the sent matches in MongoDB in line with the alerts topic, the record of what was
 * sent: a crash between a transaction's commit and the write of its pairs leaves pairs
 * published but not recorded, which a later revision of the vacancy would otherwise send
 * again. A background reader follows the topic {@code read_committed}, outside any group,
 * from the shared {@link SentCheckpoint}; it records every pair and welcome set it finds
 * that MongoDB lacks, for alerts that still exist, and then moves the checkpoint past
 * them. A start so reads only what was published since the checkpoint, never the whole
 * topic. It retries with back-off for as long as Kafka or MongoDB is away, and reports as
 * {@value #READER} in the {@code background} health group (docs/matching.md, "At most
 * once per alert").
 */
@Component
class SentReconciliation implements SmartLifecycle {

	static final String READER = "sent-reconciliation";

	private static final Logger log = LoggerFactory.getLogger(SentReconciliation.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<?, ?> consumerSettings;

	private final SentLedger sent;

	private final Alerts alerts;

	private final WelcomeSetOutbox welcomeSets;

	private final SentCheckpoint checkpoint;

	private final String topic;

	private final BackgroundReader reader;

	private final ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);

	private final JacksonJsonDeserializer<AlertMatch> values = new JacksonJsonDeserializer<>(AlertMatch.class, false);

	private final AtomicLong recordsRead = new AtomicLong();

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	private volatile CountDownLatch stopping = new CountDownLatch(1);

	@Autowired
	SentReconciliation(ConsumerFactory<?, ?> consumerSettings, SentLedger sent, Alerts alerts,
			WelcomeSetOutbox welcomeSets, SentCheckpoint checkpoint, BackgroundReaders readers) {
		this(consumerSettings, sent, alerts, welcomeSets, checkpoint, Topics.ALERTS, readers.register(READER));
	}

	/** On another topic than the alerts topic: for tests and benchmarks. */
	SentReconciliation(ConsumerFactory<?, ?> consumerSettings, SentLedger sent, Alerts alerts,
			WelcomeSetOutbox welcomeSets, SentCheckpoint checkpoint, String topic, BackgroundReader reader) {
		this.consumerSettings = consumerSettings;
		this.sent = sent;
		this.alerts = alerts;
		this.welcomeSets = welcomeSets;
		this.checkpoint = checkpoint;
		this.topic = topic;
		this.reader = reader;
		this.backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
	}

	@Override
	public void start() {
		this.running = true;
		this.stopping = new CountDownLatch(1);
		Thread follower = new Thread(this::follow, READER);
		follower.setDaemon(true);
		this.thread = follower;
		follower.start();
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		this.stopping.countDown();
		Thread follower = this.thread;
		if (follower != null) {
			try {
				follower.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Reads from the checkpoint to where the topic ends now, on the caller's thread.
	 * @return how many records it read
	 */
	long catchUp() {
		try (Tail tail = new Tail()) {
			Map<TopicPartition, Long> ends = tail.ends();
			long read = 0;
			while (!tail.hasReached(ends)) {
				read += tail.readOnce();
			}
			return read;
		}
	}

	/** Records read since this reader was made, whatever its tries. */
	long recordsRead() {
		return this.recordsRead.get();
	}

	private void follow() {
		BackOffExecution delays = this.backOff.start();
		while (this.running) {
			try (Tail tail = new Tail()) {
				this.consumer = tail.reading;
				this.reader.behind("reading " + this.topic + " from its checkpoint");
				Map<TopicPartition, Long> ends = tail.ends();
				boolean caughtUp = false;
				while (this.running) {
					tail.readOnce();
					delays = this.backOff.start();
					if (tail.hasReached(ends)) {
						if (!caughtUp) {
							log.info("Sent matches reconciled with {} from its checkpoint: {} records read", this.topic,
									this.recordsRead.get());
						}
						caughtUp = true;
						this.reader.caughtUp();
						ends = tail.ends();
					}
				}
			}
			catch (WakeupException | InterruptException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (this.running) {
					// the first failure of a run here; the reader's fault line once a
					// minute after (docs/operations.md, "Logs")
					boolean first = this.reader.state() != BackgroundReader.State.FAILING;
					this.reader.failed(ex);
					long delay = delays.nextBackOff();
					if (first) {
						log.warn("Reconciling sent matches failed, trying again in {} ms: {}", delay, ex.toString());
					}
					else {
						log.debug("Reconciling sent matches failed, trying again in {} ms: {}", delay, ex.toString());
					}
					pause(delay);
				}
			}
		}
	}

	/** Waits out a back-off, or until stopped. */
	private void pause(long millis) {
		try {
			this.stopping.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
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
		if (published.isEmpty() && welcomed.isEmpty()) {
			return 0;
		}
		Set<String> missing = this.sent.notRecorded(published.keySet());
		Set<String> alertIds = new HashSet<>(welcomed);
		published.values()
			.stream()
			.filter((match) -> missing.contains(match.id()))
			.forEach((match) -> alertIds.add(match.alertId()));
		Set<String> existing = new HashSet<>();
		this.alerts.findAllById(alertIds).stream().map(Alert::id).forEach(existing::add);
		List<SentMatch> toRecord = new ArrayList<>();
		published.forEach((id, match) -> {
			if (missing.contains(id) && existing.contains(match.alertId())) {
				toRecord.add(match);
			}
		});
		this.sent.recordNow(toRecord);
		welcomed.stream().filter(existing::contains).forEach(this.welcomeSets::markSent);
		if (!toRecord.isEmpty()) {
			log.info("Recorded {} sent matches published but not recorded", toRecord.size());
		}
		return toRecord.size();
	}

	private static void add(Map<String, SentMatch> published, String alertId, MatchedVacancy vacancy, SentMatch.Via via,
			AlertMatch record) {
		SentMatch match = SentMatch.of(alertId, vacancy.job(), via, record.occurredAt());
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

	/**
	 * One groupless consumer of every partition of the topic, placed at the checkpoint
	 * (at the beginning where there is none yet).
	 */
	private final class Tail implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> reading;

		private final List<TopicPartition> partitions;

		/** Where the checkpoint stands, as far as this tail knows. */
		private final Map<TopicPartition, Long> checkpointed;

		Tail() {
			this.reading = GrouplessConsumers.create(SentReconciliation.this.consumerSettings, READER);
			try {
				this.partitions = GrouplessConsumers.partitionsOf(this.reading, SentReconciliation.this.topic);
				if (this.partitions.isEmpty()) {
					throw new TopicNotThereYet(SentReconciliation.this.topic);
				}
				this.reading.assign(this.partitions);
				this.checkpointed = new HashMap<>(SentReconciliation.this.checkpoint.offsets(this.partitions));
				for (TopicPartition partition : this.partitions) {
					Long offset = this.checkpointed.get(partition);
					if (offset != null) {
						this.reading.seek(partition, offset);
					}
					else {
						this.reading.seekToBeginning(List.of(partition));
					}
				}
			}
			catch (RuntimeException ex) {
				this.reading.close();
				throw ex;
			}
		}

		/** Where each partition ends now, for a {@code read_committed} reader. */
		Map<TopicPartition, Long> ends() {
			return this.reading.endOffsets(this.partitions);
		}

		boolean hasReached(Map<TopicPartition, Long> ends) {
			return ends.entrySet().stream().allMatch((end) -> this.reading.position(end.getKey()) >= end.getValue());
		}

		/**
		 * One poll: what it brings recorded, then the checkpoint moved past it.
		 * @return how many records it read
		 */
		int readOnce() {
			ConsumerRecords<String, byte[]> records = this.reading.poll(POLL);
			SentReconciliation.this.recordsRead.addAndGet(records.count());
			reconcile(records);
			Map<TopicPartition, Long> moved = new HashMap<>();
			for (TopicPartition partition : this.partitions) {
				long position = this.reading.position(partition);
				Long before = this.checkpointed.get(partition);
				if (before == null || position > before) {
					moved.put(partition, position);
				}
			}
			if (!moved.isEmpty()) {
				SentReconciliation.this.checkpoint.advance(moved);
				this.checkpointed.putAll(moved);
			}
			return records.count();
		}

		@Override
		public void close() {
			this.reading.close();
		}

	}

}
