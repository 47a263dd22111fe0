package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * Reads every partition of a topic from the beginning, outside any consumer group, and
 * then follows it for as long as the service runs: whatever fails (the broker away, the
 * topic missing, a record that cannot be applied), it reports it to
 * {@link BackgroundReaders} and tries again with capped back-off from where it had read,
 * never giving up. It keeps a {@link ReadWatermark} of how far in broker time it has
 * applied the topic.
 */
abstract class TopicFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

	private static final Duration POLL = Duration.ofMillis(200);

	/** A round longer than this counts as behind. */
	private static final Duration STALL = Duration.ofSeconds(30);

	private final String topic;

	private final String name;

	private final ConsumerFactory<?, ?> consumerSettings;

	private final BackgroundReader health;

	private final Clock brokerClock;

	private final ReadWatermark watermark;

	/** Per partition the offset of the next record to apply, kept across retries. */
	private final Map<TopicPartition, Long> positions = new HashMap<>();

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread reader;

	private volatile boolean running;

	private volatile boolean caughtUpOnce;

	private final ExponentialBackOff backOff = new ExponentialBackOff(500, 2);

	private BackOffExecution retries;

	/**
	 * @param brokerClock the real time, compared with the broker's append times
	 */
	TopicFollower(String topic, String name, ConsumerFactory<?, ?> consumerSettings, BackgroundReaders readers,
			Clock brokerClock, Duration clockSkew) {
		this.topic = topic;
		this.name = name;
		this.consumerSettings = consumerSettings;
		this.health = readers.register(name);
		this.brokerClock = brokerClock;
		this.watermark = new ReadWatermark(clockSkew);
		this.backOff.setMaxInterval(30_000);
		this.retries = this.backOff.start();
	}

	/**
	 * Applies one record. An exception stops this try: the record is read again after the
	 * back-off, so a record that cannot be read at all must be skipped here.
	 */
	protected abstract void apply(ConsumerRecord<String, byte[]> record);

	/** Called once a round has read as far as the topic reached when it began. */
	protected void caughtUp(Map<TopicPartition, Long> positions) {
	}

	ReadWatermark watermark() {
		return this.watermark;
	}

	/** How it reports to the {@code background} group. */
	BackgroundReader reader() {
		return this.health;
	}

	/** Whether it has once read as far as the topic reached when it began. */
	boolean hasCaughtUpOnce() {
		return this.caughtUpOnce;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, this.name);
		thread.setDaemon(true);
		this.reader = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread thread = this.reader;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
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

	/** Before the listeners, so that matching soon has what it waits for. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void run() {
		while (this.running) {
			try {
				follow();
			}
			catch (WakeupException | InterruptException ex) {
				if (!this.running) {
					return;
				}
				this.health.failed(ex);
			}
			catch (RuntimeException ex) {
				// the first failure of a run here; the reader's fault line once a minute
				// after (docs/operations.md, "Logs")
				boolean first = this.health.state() != BackgroundReader.State.FAILING;
				this.health.failed(ex);
				if (first) {
					log.warn("Reading {} failed; trying again: {}", this.topic, ex.toString());
				}
				else {
					log.debug("Reading {} failed; trying again: {}", this.topic, ex.toString());
				}
			}
			if (!this.running || !pause(this.retries.nextBackOff())) {
				return;
			}
		}
	}

	private void follow() {
		try (KafkaConsumer<String, byte[]> reading = GrouplessConsumers.create(this.consumerSettings, this.name)) {
			this.consumer = reading;
			List<TopicPartition> partitions = GrouplessConsumers.partitionsOf(reading, this.topic);
			while (partitions.isEmpty()) {
				this.health.behind("the topic " + this.topic + " does not exist yet");
				if (!this.running || !pause(POLL.toMillis())) {
					return;
				}
				partitions = GrouplessConsumers.partitionsOf(reading, this.topic);
			}
			reading.assign(partitions);
			for (TopicPartition partition : partitions) {
				Long position = this.positions.get(partition);
				if (position != null) {
					reading.seek(partition, position);
				}
				else {
					reading.seekToBeginning(List.of(partition));
				}
			}
			while (this.running) {
				if (!this.watermark.isRoundOpen()) {
					this.watermark.startRound(this.brokerClock.instant(), reading.endOffsets(partitions));
				}
				for (ConsumerRecord<String, byte[]> record : reading.poll(POLL)) {
					apply(record);
					this.positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
				}
				partitions.forEach((partition) -> this.positions.put(partition, reading.position(partition)));
				if (this.watermark.isRoundOpenSince(this.brokerClock.instant().minus(STALL))) {
					this.health.behind("not read to the end of " + this.topic + " within " + STALL.toSeconds() + " s");
				}
				if (this.watermark.readUpTo(this.positions)) {
					this.caughtUpOnce = true;
					this.health.caughtUp();
					caughtUp(Map.copyOf(this.positions));
					this.retries = this.backOff.start();
				}
			}
		}
		finally {
			this.consumer = null;
		}
	}

	private static boolean pause(long millis) {
		try {
			Thread.sleep(Math.max(millis, 0));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
