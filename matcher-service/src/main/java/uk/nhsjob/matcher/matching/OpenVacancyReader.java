package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;

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
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;

/**
 * Keeps {@link OpenVacancies} in step with the compacted vacancy stream: reads every
 * partition from the beginning on start, outside the matching group, and then follows it.
 * Every instance so holds every open vacancy, whichever partitions it matches.
 */
@Component
class OpenVacancyReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OpenVacancyReader.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<?, ?> consumerSettings;

	private final OpenVacancies openVacancies;

	private final RebuildProgress progress;

	private final JacksonJsonDeserializer<VacancyPublished> values = new JacksonJsonDeserializer<>(
			VacancyPublished.class, false);

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread reader;

	private volatile boolean running;

	OpenVacancyReader(ConsumerFactory<?, ?> consumerSettings, OpenVacancies openVacancies, RebuildProgress progress) {
		this.consumerSettings = consumerSettings;
		this.openVacancies = openVacancies;
		this.progress = progress;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::read, "vacancy-view");
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

	/** Before the listeners, so that welcome sets soon have the vacancies they need. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void read() {
		try (KafkaConsumer<String, byte[]> reading = GrouplessConsumers.create(this.consumerSettings,
				"matcher-vacancy-view")) {
			this.consumer = reading;
			List<TopicPartition> partitions = awaitPartitions(reading);
			reading.assign(partitions);
			reading.seekToBeginning(partitions);
			this.progress.started(reading.endOffsets(partitions));
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : reading.poll(POLL)) {
					apply(record);
				}
				partitions.forEach((partition) -> this.progress.readUpTo(partition, reading.position(partition)));
			}
		}
		catch (WakeupException | InterruptException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			log.error("The vacancy view stopped reading", ex);
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reading) {
		List<TopicPartition> partitions = GrouplessConsumers.partitionsOf(reading, Topics.VACANCIES);
		while (partitions.isEmpty() && this.running) {
			log.info("Waiting for the topic {} to exist", Topics.VACANCIES);
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
			partitions = GrouplessConsumers.partitionsOf(reading, Topics.VACANCIES);
		}
		return partitions;
	}

	/** A record that cannot be read is skipped here; the listener dead-letters it. */
	private void apply(ConsumerRecord<String, byte[]> record) {
		try {
			VacancyPublished published = (record.value() != null)
					? this.values.deserialize(record.topic(), record.value()) : null;
			String vacancyId = (record.key() != null) ? record.key()
					: (published != null && published.vacancy() != null) ? published.vacancy().id() : null;
			if (vacancyId == null || (published != null && published.vacancy() == null)) {
				return;
			}
			this.openVacancies.update(vacancyId, (published != null) ? published.vacancy() : null);
		}
		catch (RuntimeException ex) {
			log.warn("Skipped unreadable vacancy record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
		}
	}

}
