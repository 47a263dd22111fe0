package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.platform.background.BackgroundReaders;

/**
 * Keeps {@link OpenVacancies} in step with the compacted vacancy stream: reads every
 * partition from the beginning on start, outside the matching group, and then follows it
 * for as long as the service runs, trying again after any failure. Every instance so
 * holds every open vacancy, whichever partitions it matches.
 */
@Component
class OpenVacancyReader extends TopicFollower {

	private static final Logger log = LoggerFactory.getLogger(OpenVacancyReader.class);

	private final OpenVacancies openVacancies;

	private final JacksonJsonDeserializer<VacancyPublished> values = new JacksonJsonDeserializer<>(
			VacancyPublished.class, false);

	OpenVacancyReader(ConsumerFactory<?, ?> consumerSettings, BackgroundReaders readers, OpenVacancies openVacancies,
			TopicReadingSettings settings) {
		super(Topics.VACANCIES, "matcher-vacancy-view", consumerSettings, readers, Clock.systemUTC(),
				settings.clockSkew());
		this.openVacancies = openVacancies;
	}

	/** A record that cannot be read is skipped here; the listener dead-letters it. */
	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		VacancyPublished published;
		String vacancyId;
		try {
			published = (record.value() != null) ? this.values.deserialize(record.topic(), record.value()) : null;
			vacancyId = (record.key() != null) ? record.key()
					: (published != null && published.vacancy() != null) ? published.vacancy().id() : null;
		}
		catch (RuntimeException ex) {
			log.warn("Skipped unreadable vacancy record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
			return;
		}
		if (vacancyId == null || (published != null && published.vacancy() == null)) {
			return;
		}
		this.openVacancies.update(vacancyId, (published != null) ? published.vacancy() : null,
				Instant.ofEpochMilli(record.timestamp()));
	}

}
